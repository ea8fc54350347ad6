#!/bin/sh
# What Retort adds to a Micronaut application's start (docs/performance.md): examples/micronaut-app,
# a fresh JVM each time, from process start to its HTTP port answering, alternating runs with
# retort.enabled=true (a no-op: the database is already migrated) and retort.enabled=false; medians.
#
#   bench/micronaut-startup.sh [RUNS]      (default 9 of each)
#
# Needs the PostgreSQL of the tests (127.0.0.1:5432, user postgres) and python3 for the timing.
set -eu
cd "$(dirname "$0")/.."
lock=${RETORT_BENCH_LOCK:-/tmp/retort-mvn.lock}
app=examples/micronaut-app
# shellcheck disable=SC2086 # MVN_ARGS holds several options: split it on purpose.
flock "$lock" mvn -B -q ${MVN_ARGS:-} -pl "$app" -am install -DskipTests
flock "$lock" mvn -B -q ${MVN_ARGS:-} -pl "$app" dependency:build-classpath -Dmdep.outputFile=target/startup.classpath
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS retort_startup" -c "CREATE DATABASE retort_startup" postgres
exec flock "$lock" python3 - "${1:-9}" "$app/target/classes:$(cat "$app/target/startup.classpath")" <<'PY'
import socket, statistics, subprocess, sys, time

runs, classpath = int(sys.argv[1]), sys.argv[2]
url = "r2dbc:postgresql://postgres@127.0.0.1:5432/retort_startup"

def start(enabled):
    """Milliseconds from starting the JVM to the port accepting a connection."""
    port = 18080
    began = time.monotonic()
    process = subprocess.Popen(["java", "-cp", classpath, f"-Dmicronaut.server.port={port}",
                                f"-Dr2dbc.datasources.default.url={url}", f"-Dretort.enabled={enabled}",
                                "com.example.providers.Application"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.05).close()
                return (time.monotonic() - began) * 1000
            except OSError:
                if process.poll() is not None:
                    raise SystemExit(f"the application exited with {process.returncode}")
                time.sleep(0.005)
    finally:
        process.kill()
        process.wait()

start("true")  # the first start migrates; the measured ones find nothing to do
times = {"true": [], "false": []}
for _ in range(runs):
    for enabled in ("true", "false"):
        times[enabled].append(start(enabled))
on, off = statistics.median(times["true"]), statistics.median(times["false"])
print(f"Micronaut start to port answering, medians of {runs} alternating runs:")
print(f"| retort.enabled=true (no-op) | {on:.0f} ms |")
print(f"| retort.enabled=false | {off:.0f} ms |")
print(f"| Retort's cost | {on - off:+.0f} ms |")
PY
