#!/usr/bin/env bash
# JMH micro-benchmarks of hot-path pieces (route matching, path normalization, header hygiene).
# Usage: bench/jmh.sh [JMH regex and options, e.g. RouteMatch -wi 2 -i 3]
# Numbers are per operation on this machine; compare runs on the same machine only.
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor run, so the sibling modules (scim, devtenant) resolve to their target/ directories
mvn -B -q -pl gateway -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$PWD/gateway/target/jmh.classpath" -Dmdep.includeScope=test
CP="gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/jmh.classpath)"
exec taskset -c "${JMH_CPU:-1}" java -cp "$CP" org.openjdk.jmh.Main "${@:-io.sallyport.gateway.bench}"
