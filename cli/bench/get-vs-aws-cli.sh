#!/usr/bin/env bash
# Times one `jobs get ID` process beside one `aws sts get-caller-identity --endpoint-url ...` process,
# on this machine, in the same run, against the same loopback endpoint, and prints the medians and
# their ratio (target: jobs/aws <= 0.5).
#
#   cli/bench/get-vs-aws-cli.sh [RUNS]          against a LoopbackStack started here (default)
#   JOBS_BENCH_LOCAL=1 cli/bench/get-vs-aws-cli.sh [RUNS]
#                                               against the running local runtime (jobs local start)
#   JOBS_BENCH_BEFORE=DIR cli/bench/get-vs-aws-cli.sh [RUNS]
#                                               also times the jobs.jar (and jobs.jsa) in DIR, another
#                                               build, in the same runs: before and after a change
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
runs="${1:-21}"
jar="$root/cli/target/jobs.jar"
[[ -f "$jar" && -f "$root/cli/target/jobs.jsa" ]] || (cd "$root" && mvn -q -B -DskipTests package -pl cli -am)
command -v aws >/dev/null || { echo "the AWS CLI (aws) is needed" >&2; exit 1; }

work="$(mktemp -d)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [[ -n "${JOBS_BENCH_LOCAL:-}" ]]; then
  local_dir="${JOBS_LOCAL_DIR:-$HOME/.jobs/local}"
  endpoint="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["endpoint"])' "$local_dir/runtime.json")"
  export JOBS_LOCAL_DIR="$local_dir"
  id="$("$root/jobs" submit --seconds 1 --target local)"
  "$root/jobs" wait "$id" --target local --quiet >/dev/null
  against="the local runtime at $endpoint"
else
  export JOBS_LOCAL_DIR="$work/local"
  java -cp "$jar" dev.jobs.cli.startup.LoopbackStack "$JOBS_LOCAL_DIR" >"$work/endpoint" &
  server=$!
  for _ in $(seq 50); do [[ -s "$work/endpoint" ]] && break; sleep 0.1; done
  endpoint="$(cat "$work/endpoint")"
  id="bench-job"
  against="a LoopbackStack at $endpoint"
fi
export JOBS_CACHE_DIR="$work/cache" JOBS_CONFIG="$work/config.json"
unset JOBS_TARGET AWS_PROFILE

jobs_get() { "$root/jobs" get "$id" --target local >/dev/null; }
before="${JOBS_BENCH_BEFORE:-}"
launch() {
  JOBS_JAR="$1/jobs.jar" JOBS_JSA="$1/jobs.jsa" "$root/cli/src/dist/bin/jobs" \
    get "$id" --target local >/dev/null
}
before_get() { launch "$before"; }
if [[ -n "$before" ]]; then
  # Both builds the same way, through the launcher (./jobs would add its rebuild check to one).
  jobs_get() { launch "$root/cli/target"; }
fi
aws_sts() {
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 \
    aws sts get-caller-identity --endpoint-url "$endpoint" >/dev/null
}
millis() { local start end; start=$(date +%s%N); "$@"; end=$(date +%s%N); echo $(((end - start) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# Warm-up: the first jobs get resolves the stack outputs and assumes the role (then cached), and
# both tools get their files into the page cache.
jobs_get; jobs_get; aws_sts; aws_sts
if [[ -n "$before" ]]; then before_get; before_get; fi
: >"$work/jobs.ms"; : >"$work/aws.ms"; : >"$work/before.ms"
for _ in $(seq "$runs"); do
  millis jobs_get >>"$work/jobs.ms"
  millis aws_sts >>"$work/aws.ms"
  if [[ -n "$before" ]]; then millis before_get >>"$work/before.ms"; fi
done
j="$(median <"$work/jobs.ms")"
a="$(median <"$work/aws.ms")"
echo "against:                          $against"
echo "machine:                          $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "runs (interleaved):               $runs"
echo "jobs get ID, median wall:         ${j} ms"
echo "aws sts get-caller-identity:      ${a} ms"
awk -v j="$j" -v a="$a" 'BEGIN {printf "ratio jobs/aws:                   %.2f (target <= 0.50)\n", j / a}'
if [[ -n "$before" ]]; then
  b="$(median <"$work/before.ms")"
  echo "jobs get ID with $before/jobs.jar: ${b} ms"
  awk -v j="$j" -v b="$b" 'BEGIN {printf "ratio this build/that one:        %.2f\n", j / b}'
fi
