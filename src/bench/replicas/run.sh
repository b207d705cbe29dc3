#!/usr/bin/env bash
# Several instances, one memory (docs/replicas.md): three instances of the packaged jar on one
# PostgreSQL (a real server from Maven artifacts, nothing to install), 20,000 decisions over 200
# callers and 500 cases through all three at once, then the checks. Exit code 1 if one fails.
#
#   src/bench/replicas/run.sh                                  # build, then run
#   SKIP_BUILD=1 ARGS="-Dreplicas.decisions=5000" src/bench/replicas/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
# shellcheck disable=SC2086 # ARGS is a list of -D options
./mvnw -B -ntp -q -Pbench -DskipTests test-compile exec:exec "-Dbench.args=replicas ${ARGS:-}" | tee target/replicas.md
