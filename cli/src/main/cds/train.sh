#!/bin/sh
# Regenerates retort.classlist, the classes the CLI loads in its common commands, from which the
# build makes the class-data sharing archive target/retort.jsa (see cli/pom.xml). Run it after
# changes that load other classes (new dependencies, new commands); the CDS coverage test in the
# CLI's integration tests fails when the list has fallen behind.
#
#   cli/src/main/cds/train.sh        (needs a built jar and psql with a local PostgreSQL)
#
# RETORT_TRAINING_HOST / _PORT / _USER choose the server (127.0.0.1, 5432, postgres); a scratch
# database retort_cds_training is created and dropped.
set -eu

cd "$(dirname "$0")/../../../.."
jar=cli/target/retort.jar
host=${RETORT_TRAINING_HOST:-127.0.0.1}
port=${RETORT_TRAINING_PORT:-5432}
user=${RETORT_TRAINING_USER:-postgres}
database=retort_cds_training
[ -f "$jar" ] || { echo "train.sh: build the jar first: mvn -q install -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"; psql -X -q -h "$host" -p "$port" -U "$user" -d postgres -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true' EXIT
PGOPTIONS="-c client_min_messages=warning" psql -X -q -h "$host" -p "$port" -U "$user" -d postgres \
    -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"

# A manifest directory of its own, so that the first upgrade writes the manifest and the second
# (a no-op) reads it, whatever the user's cache holds.
export RETORT_CACHE_DIR="$work/cache"
run=0
retort() {
    run=$((run + 1))
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$run.classlist" -jar "$jar" \
        --url "r2dbc:postgresql://$user@$host:$port/$database" --migrations migrations/provider-registration "$@" >/dev/null
}

# What CI jobs and developers run most: apply, the no-op that every deploy pays, and the readers.
retort upgrade head
retort upgrade head
retort current
retort history
retort schema --json
retort heads
retort check
retort upgrade head --sql
retort downgrade base

out=cli/src/main/cds/retort.classlist
{
    echo "# The classes of common retort commands, for the CDS archive; regenerate with train.sh beside it."
    # First occurrence wins, so each class keeps its place after the classes it needs.
    cat "$work"/*.classlist | grep -v '^#' | awk '!seen[$0]++'
} > "$out"
echo "train.sh: $(grep -vc '^#' "$out") classes in $out"
