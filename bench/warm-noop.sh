#!/bin/sh
# Where a warm in-process no-op's time goes (docs/performance.md): the driver's connection, Retort's
# state queries, the files, Retort's no-op, and the same with a connection pool, in one long-lived JVM.
#
#   bench/warm-noop.sh [N]      N migrations applied first (default 1,000)
#
# Needs the PostgreSQL of bench/run.sh; holds the same Maven lock so no build competes with it.
set -eu
cd "$(dirname "$0")/.."
lock=${RETORT_BENCH_LOCK:-/tmp/retort-mvn.lock}
# shellcheck disable=SC2086 # MVN_ARGS holds several options: split it on purpose.
flock "$lock" mvn -B -q ${MVN_ARGS:-} -P bench -pl bench -am package -DskipTests
exec flock "$lock" java \
    -cp "bench/target/classes:$(cat bench/target/classpath/retort.classpath):$(cat bench/target/classpath/pool.classpath)" \
    dev.retort.bench.child.WarmNoOpBreakdown "$@"
