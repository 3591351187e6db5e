#!/usr/bin/env bash
# Times `jobs logs ID > /dev/null` and `jobs logs ID --output json > /dev/null` of a job that wrote
# LINES lines (default 10,000) with context.log(), on a local runtime started here, each RUNS times
# (default 11) and interleaved, and prints the first run and the median, min and max wall time in
# ms with the lines per second at the median. Every run is one process of the launcher on the
# PATH, as a user types it, in a fresh HOME with the local target.
#
#   cli/bench/logs-of-a-long-job.sh [RUNS] [LINES]
#
# The job's kind is a jar made here (the 20 lines of Chatter.java below, compiled against the API
# that jobs.jar carries) and served with `jobs local start --kinds`, as a user's kind is. A second
# job of the same size writes into the same log group first, so that the jobId filter has lines to
# leave out. The processing function adds two lines of its own (started, succeeded).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
runs="${1:-11}"
lines="${2:-10000}"
jar="$root/cli/target/jobs.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -q -B -DskipTests package -pl cli -am)

work="$(mktemp -d)"
cleanup() {
  if [[ -f "$work/local/runtime.json" ]]; then jobs local stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The launcher on the PATH, as the release archive installs it, running this build's jar.
mkdir -p "$work/bin" "$work/home"
ln -s "$root/cli/src/dist/bin/jobs" "$work/bin/jobs"
export PATH="$work/bin:$PATH" HOME="$work/home"
export JOBS_JAR="$jar" JOBS_JSA="$root/cli/target/jobs.jsa" JOBS_AOT="$root/cli/target/jobs.aot"
export JOBS_LOCAL_DIR="$work/local" JOBS_CACHE_DIR="$work/cache" JOBS_CONFIG="$work/config.json"
unset JOBS_TARGET AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
# The README's install line: a shell function, so that `jobs logs` is not bash's builtin `jobs`.
source <(env jobs completion bash)

mkdir -p "$work/kind/src/bench" "$work/kind/classes/META-INF/services"
cat >"$work/kind/src/bench/Chatter.java" <<'EOF'
package bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes `lines` lines (default 3) to its log, as fast as it can. */
public final class Chatter implements dev.jobs.kind.JobKind {
  public String name() { return "chatter"; }
  public java.util.Set<String> parameterNames() { return java.util.Set.of("lines"); }
  public void validate(ObjectNode parameters) {}
  public JsonNode run(ObjectNode parameters, dev.jobs.kind.JobContext context) {
    int lines = parameters.path("lines").asInt(3);
    System.Logger log = context.log();
    for (int i = 1; i <= lines; i++) {
      log.log(System.Logger.Level.INFO, "line " + i + " of " + lines);
    }
    return JsonNodeFactory.instance.objectNode().put("lines", lines);
  }
}
EOF
javac --release 17 -cp "$jar" -d "$work/kind/classes" "$work/kind/src/bench/Chatter.java"
echo bench.Chatter >"$work/kind/classes/META-INF/services/dev.jobs.kind.JobKind"
(cd "$work/kind/classes" && jar cf "$work/chatter.jar" .)

jobs local start --detach --port 0 --kinds "$work/chatter.jar" >/dev/null
other="$(jobs submit --type chatter --param lines="$lines")"
id="$(jobs submit --type chatter --param lines="$lines")"
short="$(jobs submit --type chatter --param lines=1)"
for job in "$other" "$id" "$short"; do jobs wait "$job" --quiet >/dev/null; done
printed="$(jobs logs "$id" | wc -l)"
[[ "$(jobs logs "$id" --output json | grep -c "\"jobId\":\"$id\"")" == "$printed" ]] || {
  echo "jobs logs --output json printed a line of another job" >&2
  exit 1
}

logs_text() { jobs logs "$id" >/dev/null 2>>"$work/stderr"; }
logs_json() { jobs logs "$id" --output json >/dev/null 2>>"$work/stderr"; }
# The same command for a job of one line (three printed): what any jobs logs costs, lines aside.
logs_short() { jobs logs "$short" >/dev/null 2>>"$work/stderr"; }
# One line per run: wall, then the CLI process's own CPU (user + sys), in seconds. The runtime
# is no child of the timed command, so the difference is mostly the time spent waiting on it.
TIMEFORMAT='%3R %3U %3S'
timed() { { time "$1"; } 2>>"$work/$2.t"; }

# The first reads (above, and these) pay for the runtime's JIT; they are reported apart.
timed logs_text text.first
timed logs_json json.first
timed logs_short short.first
for _ in $(seq "$runs"); do
  timed logs_text text
  timed logs_json json
  timed logs_short short
done
if [[ -s "$work/stderr" ]]; then cat "$work/stderr" >&2; exit 1; fi

echo "machine:            $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Which JVM the launcher picked: the AOT cache's (the JDK that made it) or the one on the PATH.
java_used="$(java -version 2>&1 | head -1), class-data archive (jobs.jsa)"
if [[ -f "$JOBS_AOT" && -f "$JOBS_AOT.java" && "$JOBS_AOT" -nt "$jar" ]]; then
  java_used="$("$(cat "$JOBS_AOT.java")" -version 2>&1 | head -1), AOT cache (jobs.aot)"
fi
echo "launcher's JVM:     $java_used"
echo "job:                $lines lines written by the kind, $printed printed (with the function's own)"
echo "runs (interleaved): $runs, after one first run each"
# The nth column of a timings file in ms, sorted: wall (1) or CPU (2 + 3).
ms() { awk -v c="$2" '{print int((c == 1 ? $1 : $2 + $3) * 1000)}' "$work/$1" | sort -n; }
median() { awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
for format in text json short; do
  wall="$(ms "$format.t" 1)"
  median_wall="$(median <<<"$wall")"
  case "$format" in
    text) label="jobs logs ID" count="$printed" ;;
    json) label="jobs logs ID --output json" count="$printed" ;;
    short) label="jobs logs ID (3 lines)" count=3 ;;
  esac
  printf "%-27s first %5d ms; median %5d ms, min %5d ms, max %5d ms; %6d lines/s; CLI CPU median %5d ms\n" \
    "$label" "$(ms "$format.first.t" 1)" "$median_wall" "$(head -1 <<<"$wall")" "$(tail -1 <<<"$wall")" \
    "$((count * 1000 / median_wall))" "$(ms "$format.t" 2 | median)"
done
