#!/usr/bin/env bash
# SCIM targets of issue 5 on H2 and on PostgreSQL: seed 100,000 users and 5,000 groups through
# POST, then the userName probe's p50/p99, create and PATCH rates at that size, and 10,000 members
# added to one group in PATCHes of 100.
# Usage: bench/scim.sh [h2|postgres|both] [--users N --groups M --concurrency C]
# PostgreSQL: SALLYPORT_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres);
# each run uses a fresh schema and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-both}"; shift || true
# one reactor run, so the sibling modules (scim, devtenant) resolve to their target/ directories
mvn -B -q -pl gateway -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$PWD/gateway/target/bench.classpath" -Dmdep.includeScope=test
CP="gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.classpath)"
mkdir -p bench/out
PG="${SALLYPORT_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
JAVA=(java -Xmx2g -XX:+UseParallelGC -Dio.netty.allocator.type=pooled -cp "$CP" io.sallyport.gateway.bench.ScimBench)
if [ "$which" = h2 ] || [ "$which" = both ]; then
  "${JAVA[@]}" --store h2 "$@" | tee "bench/out/scim-h2.txt"
fi
if [ "$which" = postgres ] || [ "$which" = both ]; then
  schema="scim_bench_$$"
  psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA $schema"
  sep='?'; case "$PG" in *\?*) sep='&';; esac
  "${JAVA[@]}" --store postgres --pg-url "${PG}${sep}currentSchema=$schema" "$@" | tee "bench/out/scim-postgres.txt" || true
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA $schema CASCADE"
fi
