#!/bin/sh
# Fleets (docs/performance.md): 200 tenant schemas of one database, each migrated with the same 20
# revisions, by the CLI at --parallel 1, 2, 4 and 8; wall time and the most connections the
# database saw at once (pg_stat_activity, polled every 50 ms). The floor: the same statements,
# each revision in a transaction, through psql -f in one session, then split over two sessions.
#
#   bench/fleet.sh [TENANTS] [REVISIONS]      (default 200 and 20)
#
# Builds the CLI and the bench module (holding bench/run.sh's Maven lock); needs psql against the local PostgreSQL
# (RETORT_BENCH_HOST / _PORT / _USER: 127.0.0.1, 5432, postgres). Creates and drops the database
# retort_fleet_bench.
set -eu
cd "$(dirname "$0")/.."
lock=${RETORT_BENCH_LOCK:-/tmp/retort-mvn.lock}
# shellcheck disable=SC2086 # MVN_ARGS holds several options: split it on purpose.
flock "$lock" mvn -B -q ${MVN_ARGS:-} -P bench -pl bench,cli -am package -DskipTests
tenants=${1:-200}
revisions=${2:-20}
host=${RETORT_BENCH_HOST:-127.0.0.1}
port=${RETORT_BENCH_PORT:-5432}
user=${RETORT_BENCH_USER:-postgres}
database=retort_fleet_bench
work=$(mktemp -d)
psql_() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -h "$host" -p "$port" -U "$user" "$@"; }
trap 'rm -rf "$work"; psql_ -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

mkdir "$work/migrations"
i=1
while [ "$i" -le "$revisions" ]; do
    id=$(printf 'r%03d' "$i")
    parent=$(printf 'r%03d' $((i - 1)))
    {
        [ "$i" -gt 1 ] && echo "-- revises: $parent"
        echo "-- +upgrade"
        echo "CREATE TABLE t$i (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());"
        echo "CREATE INDEX t${i}_name ON t$i (name);"
        echo "INSERT INTO t$i (id, name) SELECT g, 'name ' || g FROM generate_series(1, 100) g;"
        echo "-- +downgrade"
        echo "DROP TABLE t$i;"
    } > "$work/migrations/$id.sql"
    i=$((i + 1))
done

fresh() {
    psql_ -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
    psql_ -d "$database" -c "DO \$\$ BEGIN FOR i IN 1..$tenants LOOP
        EXECUTE format('CREATE SCHEMA tenant_%s', lpad(i::text, 4, '0')); END LOOP; END \$\$"
}

peak() {
    max=0
    while [ -f "$work/running" ]; do
        n=$(psql_ -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$database'" 2>/dev/null || echo 0)
        [ "$n" -gt "$max" ] && max=$n
        sleep 0.05
    done
    echo "$max" > "$work/peak"
}

# Flyway's files: the same upgrades, V1__r001.sql ...
mkdir "$work/flyway"
i=1
for file in "$work"/migrations/*.sql; do
    sed -n '/^-- +upgrade/,/^-- +downgrade/p' "$file" | grep -v '^-- +' > "$work/flyway/V${i}__$(basename "$file")"
    i=$((i + 1))
done

# The floor's script: per tenant, its search_path, then each revision's upgrade in a transaction.
i=1
while [ "$i" -le "$tenants" ]; do
    echo "SET search_path = tenant_$(printf '%04d' "$i"), public;"
    for file in "$work"/migrations/*.sql; do
        echo "BEGIN;"
        sed -n '/^-- +upgrade/,/^-- +downgrade/p' "$file" | grep -v '^-- +'
        echo "COMMIT;"
    done
    i=$((i + 1))
done > "$work/floor.sql"
half=$(( $(wc -l < "$work/floor.sql") / 2 ))
half=$(awk -v h="$half" 'NR >= h && /^SET search_path/ { print NR; exit }' "$work/floor.sql")
head -n $((half - 1)) "$work/floor.sql" > "$work/floor1.sql"
tail -n +"$half" "$work/floor.sql" > "$work/floor2.sql"

millis() { echo $(( ($2 - $1) / 1000000 )); }
fresh
started=$(date +%s%N)
psql_ -d "$database" -v ON_ERROR_STOP=1 -f "$work/floor.sql" >/dev/null
psql_one=$(millis "$started" "$(date +%s%N)")
fresh
started=$(date +%s%N)
psql_ -d "$database" -v ON_ERROR_STOP=1 -f "$work/floor1.sql" >/dev/null &
psql_ -d "$database" -v ON_ERROR_STOP=1 -f "$work/floor2.sql" >/dev/null
wait
psql_two=$(millis "$started" "$(date +%s%N)")
echo "psql -f, one session: $(awk "BEGIN { printf \"%.2f s\", $psql_one / 1000 }"); two sessions: $(awk "BEGIN { printf \"%.2f s\", $psql_two / 1000 }")"
echo

echo "| --parallel | wall time | tenants/s | peak connections |"
echo "|---:|---:|---:|---:|"
for parallel in 1 2 4 8; do
    fresh
    touch "$work/running"
    peak &
    started=$(date +%s%N)
    RETORT_URL="r2dbc:postgresql://$user@$host:$port/$database" RETORT_CACHE_DIR= RETORT_JAVA_OPTS="${RETORT_JAVA_OPTS:-}" \
        cli/retort --migrations "$work/migrations" -q upgrade --schemas 'tenant_%' --parallel "$parallel"
    ended=$(date +%s%N)
    rm "$work/running"
    wait
    ms=$(( (ended - started) / 1000000 ))
    echo "| $parallel | $(awk "BEGIN { printf \"%.2f s\", $ms / 1000 }") | $(awk "BEGIN { printf \"%.1f\", $tenants * 1000 / $ms }") | $(cat "$work/peak") |"
done

fresh
touch "$work/running"
peak &
started=$(date +%s%N)
java -cp "bench/target/classes:$(cat bench/target/classpath/flyway.classpath)" dev.retort.bench.child.FlywayFleet \
    "jdbc:postgresql://$host:$port/$database" "$user" "$work/flyway" 'tenant_%' >/dev/null 2>&1
ended=$(date +%s%N)
rm "$work/running"
wait
ms=$(( (ended - started) / 1000000 ))
echo "| Flyway, a migrate() per schema | $(awk "BEGIN { printf \"%.2f s\", $ms / 1000 }") | $(awk "BEGIN { printf \"%.1f\", $tenants * 1000 / $ms }") | $(cat "$work/peak") |"
