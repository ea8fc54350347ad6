#!/bin/sh
# Reading a schema (docs/performance.md): a fresh `retort schema --json` against `pg_dump
# --schema-only` on the bench's workload, Retort's snapshot in process, a fresh `retort check` with
# drift (a replay into a shadow database and two snapshots) and a fresh `retort roundtrip` of the
# last 100 revisions.
#
#   bench/schema.sh [N]      N migrations applied first (default 1,000)
#
# RETORT_AOT_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 adds the same fresh processes on that JDK
# (25 or later) with an ahead-of-time cache: the fastest start a JVM offers without a native image.
#
# Needs the PostgreSQL and psql/pg_dump of bench/run.sh; holds the same Maven lock so no build
# competes with it.
set -eu
cd "$(dirname "$0")/.."
lock=${RETORT_BENCH_LOCK:-/tmp/retort-mvn.lock}
# shellcheck disable=SC2086 # MVN_ARGS holds several options: split it on purpose.
flock "$lock" mvn -B -q ${MVN_ARGS:-} -P bench -pl bench,cli -am package -DskipTests
cli/retort --version >/dev/null   # the launcher writes its class-data sharing archive
cli_jar=$(ls -d cli/target/distribution/retort-*/lib/retort.jar)
exec flock "$lock" java -cp "bench/target/classes:$(cat bench/target/classpath/retort.classpath)" \
    dev.retort.bench.child.SchemaTiming "${1:-1000}" "${RETORT_CLI_JAR:-$cli_jar}" "${RETORT_AOT_JAVA_HOME:-}"
