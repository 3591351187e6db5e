#!/usr/bin/env bash
# Times, in one run and interleaved, one `jobs get ID`, one `jobs --version` and one `jobs --help`
# process beside one `aws sts get-caller-identity --endpoint-url ...` process (one signed call),
# on this machine, against the same loopback endpoint, and prints the medians, their ratios
# (targets: get/aws <= 0.25, --version and --help under 150 ms) and the jar's size and entries.
#
#   cli/bench/get-vs-aws-cli.sh [RUNS]          against a LoopbackStack started here (default)
#   JOBS_BENCH_LOCAL=1 cli/bench/get-vs-aws-cli.sh [RUNS]
#                                               against the running local runtime (jobs local start)
#   JOBS_BENCH_BEFORE=DIR cli/bench/get-vs-aws-cli.sh [RUNS]
#                                               also times the jobs.jar (and jobs.jsa, jobs.aot, and
#                                               bin/jobs, its launcher, if there) in DIR, another
#                                               build, in the same runs: before and after a change
# JOBS_NO_AOT=1 / JOBS_NO_CDS=1 time the launcher's other paths (see cli/src/dist/bin/jobs).
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

before="${JOBS_BENCH_BEFORE:-}"
# Every build through the launcher itself (./jobs would add its rebuild check to one).
launch() {
  local dir="$1"
  shift
  # A build's own launcher when DIR has one (DIR/bin/jobs), so that a before is wholly before.
  local launcher="$root/cli/src/dist/bin/jobs"
  if [[ -x "$dir/bin/jobs" ]]; then launcher="$dir/bin/jobs"; fi
  JOBS_JAR="$dir/jobs.jar" JOBS_JSA="$dir/jobs.jsa" JOBS_AOT="$dir/jobs.aot" "$launcher" "$@" >/dev/null
}
jobs_get() { launch "$root/cli/target" get "$id" --target local; }
jobs_version() { launch "$root/cli/target" --version; }
jobs_help() { launch "$root/cli/target" --help; }
before_get() { launch "$before" get "$id" --target local; }
before_version() { launch "$before" --version; }
aws_sts() {
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 \
    aws sts get-caller-identity --endpoint-url "$endpoint" >/dev/null
}
millis() { local start end; start=$(date +%s%N); "$@"; end=$(date +%s%N); echo $(((end - start) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# Warm-up: the first jobs get resolves the stack outputs and assumes the role (then cached), and
# both tools get their files into the page cache.
jobs_get; jobs_get; jobs_version; jobs_help; aws_sts; aws_sts
if [[ -n "$before" ]]; then before_get; before_get; before_version; fi
measures=(get version help aws)
if [[ -n "$before" ]]; then measures+=(before_get before_version); fi
for m in "${measures[@]}"; do : >"$work/$m.ms"; done
for _ in $(seq "$runs"); do
  millis jobs_get >>"$work/get.ms"
  millis aws_sts >>"$work/aws.ms"
  millis jobs_version >>"$work/version.ms"
  millis jobs_help >>"$work/help.ms"
  if [[ -n "$before" ]]; then
    millis before_get >>"$work/before_get.ms"
    millis before_version >>"$work/before_version.ms"
  fi
done
for m in "${measures[@]}"; do declare "$m=$(median <"$work/$m.ms")"; done
# Which JVM and archive the launcher picked: the AOT cache (with the JDK that made it) or jobs.jsa.
path="class-data archive (jobs.jsa), $(java -version 2>&1 | head -1)"
if [[ -z "${JOBS_NO_CDS:-}${JOBS_NO_AOT:-}" && -f "$root/cli/target/jobs.aot" && -f "$root/cli/target/jobs.aot.java" &&
  "$root/cli/target/jobs.aot" -nt "$jar" ]]; then
  path="AOT cache (jobs.aot), $("$(cat "$root/cli/target/jobs.aot.java")" -version 2>&1 | head -1)"
elif [[ -n "${JOBS_NO_CDS:-}" ]]; then
  path="no archive, $(java -version 2>&1 | head -1)"
fi
entries="$(unzip -Z1 "$jar" | wc -l)"
echo "against:                          $against"
echo "machine:                          $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "launcher's path:                  $path"
echo "jar:                              $(du -b "$jar" | cut -f1 | awk '{printf "%.1f MB", $1 / 1e6}'), $entries entries"
echo "runs (interleaved):               $runs"
echo "jobs get ID, median wall:         ${get} ms"
echo "jobs --version:                   ${version} ms (target < 150)"
echo "jobs --help:                      ${help} ms (target < 150)"
echo "aws sts get-caller-identity:      ${aws} ms"
awk -v j="$get" -v a="$aws" 'BEGIN {printf "ratio jobs get/aws:               %.2f (target <= 0.25)\n", j / a}'
awk -v j="$version" -v a="$aws" 'BEGIN {printf "ratio jobs --version/aws:         %.2f\n", j / a}'
if [[ -n "$before" ]]; then
  echo "jobs get ID with $before/jobs.jar: ${before_get} ms"
  echo "jobs --version with that jar:     ${before_version} ms"
  awk -v j="$get" -v b="$before_get" 'BEGIN {printf "ratio get, this build/that one:   %.2f\n", j / b}'
  awk -v j="$version" -v b="$before_version" 'BEGIN {printf "ratio --version, this/that:       %.2f\n", j / b}'
fi
