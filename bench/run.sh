#!/bin/sh
# Builds and runs the side-by-side migration benchmark (docs/performance.md).
#
#   bench/run.sh [quick|full] [--option value ...]
#
# quick: N = 100 and 1,000, 3 runs each, the JFR profiles.            (~15 minutes)
# full:  adds N = 10,000, the -Xmx search and the 300 MB data load.   (about an hour or more)
# Further options go to dev.retort.bench.BenchMain (see Options.java), e.g. --runs 5.
#
# The build and the measurement each hold the machine's Maven lock (RETORT_BENCH_LOCK, default
# /tmp/retort-mvn.lock), so that no build competes with a measurement. Do not wrap this script in
# that lock yourself: flock would wait for itself. The CLI columns need cli/target/retort.jar
# (RETORT_CLI_JAR to use another); without it they are skipped with a message.
set -eu

mode=${1:-quick}
if [ $# -gt 0 ]; then shift; fi
case "$mode" in
  quick|full) ;;
  *) echo "usage: bench/run.sh [quick|full] [--option value ...]" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
lock=${RETORT_BENCH_LOCK:-/tmp/retort-mvn.lock}
command -v psql >/dev/null || { echo "bench: psql is needed (the floor and the scratch databases)" >&2; exit 2; }

# The engine and the bench module (with its per-tool class paths); the CLI too, so that its
# runnable jar is current when the CLI module has its sources. MVN_ARGS adds options, e.g. -o.
# shellcheck disable=SC2086 # MVN_ARGS holds several options: split it on purpose.
flock "$lock" mvn -B -q ${MVN_ARGS:-} -P bench -pl bench,cli -am package -DskipTests

# The CLI as installed: the distribution's jar, with the class-data sharing archive its launcher
# writes on the first run.
cli/retort --version >/dev/null
cli_jar=$(ls -d cli/target/distribution/retort-*/lib/retort.jar)

# The engine is on the harness's class path too: the psql-bookkeeping floor's script is written by
# Retort's own SQL classes.
exec flock "$lock" java -cp "bench/target/classes:$(cat bench/target/classpath/retort.classpath)" \
    dev.retort.bench.BenchMain --mode "$mode" \
    --cli-jar "${RETORT_CLI_JAR:-$cli_jar}" "$@"
