#!/usr/bin/env bash
# Times the console's pages (the jobs page first) with JOBS finished jobs (default 100,000) in a
# local runtime's store, spread over the jobs page's default window: ConsolePageBenchmark (under
# cli/src/test) fills the store through itself, starts the console in the same process and prints
# the median and max of 21 requests of each page, as the browser asks for it.
#
#   cli/bench/console-pages.sh [JOBS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
jobs="${1:-100000}"
cd "$root"
# The module and those it takes, packaged, and the test classpath (the runtime's test-jar brings
# its signed client); -o: the build needs nothing the project's own build has not fetched.
mvn -B -q -o -pl cli -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
exec java -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/test.classpath)" \
  dev.jobs.cli.bench.ConsolePageBenchmark "$jobs"
