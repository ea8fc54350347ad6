#!/usr/bin/env bash
# The long reliability soak (issue #5), run on demand, never in `mvn verify`:
#   1. the CLI killed with SIGKILL at random points, KILLS times (CrashRecoveryIntegrationTests with more kills);
#   2. N CLI processes at once, more rounds (ConcurrentProcessesIntegrationTests);
#   3. the PostgreSQL server restarted in the middle of a run, RESTARTS times: the run must exit 3
#      (or 1), the database must be at a revision boundary, and the next run must complete.
# It restarts the machine's PostgreSQL cluster, so run it when nothing else uses that server, and not
# under flock(1): the restarted server would inherit the lock's descriptor and hold it forever.
#   scripts/soak.sh [KILLS] [RESTARTS]      (defaults: 300 kills, 20 restarts)
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-300}
RESTARTS=${2:-20}
CLUSTER=$(ls /etc/postgresql | sort -V | tail -1)
JAR=cli/target/retort.jar

echo "== building"
mvn -B -q install -DskipTests

echo "== $KILLS kills and concurrent processes"
mvn -B -pl cli verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test='CrashRecoveryIntegrationTests,ConcurrentProcessesIntegrationTests' -Dretort.soak.kills="$KILLS" -Dretort.soak.rounds=10 \
    -Djunit.jupiter.execution.timeout.default=120m \
    | grep -E 'CrashRecoveryIntegrationTests:|Tests run:|FAIL|BUILD'

echo "== $RESTARTS server restarts during a run"
psql_q() { psql -X -h 127.0.0.1 -U postgres -d retort_soak -Atc "$1"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/migrations"
for i in $(seq 1 10); do
  { echo "-- revision: r$i"; [ "$i" -gt 1 ] && echo "-- revises: r$((i - 1))"
    echo "-- +upgrade"; echo "CREATE TABLE t$i (id int);"; echo "SELECT pg_sleep(0.2);"; } > "$work/migrations/r$i.sql"
done
retort() { (cd "$work" && java -jar "$OLDPWD/$JAR" --url r2dbc:postgresql://postgres@127.0.0.1:5432/retort_soak \
    --connect-retry 60s "$@"); }
exits=""
for round in $(seq 1 "$RESTARTS"); do
  psql -X -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS retort_soak WITH (FORCE)" -c "CREATE DATABASE retort_soak"
  retort -q upgrade head > "$work/out" 2>&1 &
  run=$!
  sleep "0.$(( RANDOM % 9 + 1 ))"
  pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main restart
  code=0; wait "$run" || code=$?
  exits="$exits $code"
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ] && [ "$code" -ne 1 ]; then
    echo "round $round: exit $code"; cat "$work/out"; exit 1
  fi
  applied=$(psql_q "SELECT coalesce((SELECT substr(revision, 2) FROM retort_version), '0')" 2>/dev/null || echo 0)
  tables=$(psql_q "SELECT count(*) FROM information_schema.tables WHERE table_name ~ '^t[0-9]+$'")
  [ "$applied" = "$tables" ] || { echo "round $round: version $applied but $tables tables"; exit 1; }
  retort -q upgrade head || { echo "round $round: the rerun failed"; exit 1; }
  [ "$(psql_q "SELECT revision FROM retort_version")" = "r10" ] || { echo "round $round: not at r10"; exit 1; }
done
psql -X -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS retort_soak WITH (FORCE)"
echo "restarts: $RESTARTS, exit codes of the interrupted runs:$exits; every rerun completed at r10"
