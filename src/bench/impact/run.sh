#!/usr/bin/env bash
# guard impact over a generated decision log (docs/benchmarks.md, "Impact over history"): writes
# N entries (default 100,000) with the service's own formatter, then times the packaged command
# replaying them under a candidate that starts the night an hour later, RUNS times, on CPUS.
# The times include the JVM's start and the candidate's compilation: what an author waits for.
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${N:-100000}
RUNS=${RUNS:-3}
CPUS=${CPUS:-0,1}
out=target/bench/impact
mkdir -p "$out"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
if [[ -z "${SKIP_LOG:-}" || ! -f "$out/decisions.jsonl" ]]; then
  ./mvnw -B -ntp -q -Pbench -DskipTests test-compile exec:exec "-Dbench.args=impact-log $out/decisions.jsonl $N"
fi
rm -rf "$out/candidate"
cp -r rules "$out/candidate"
sed -i 's/^nightStartsHour: 20$/nightStartsHour: 21/' "$out/candidate/thresholds.yaml"
grep -q '^nightStartsHour: 21$' "$out/candidate/thresholds.yaml"
for run in $(seq "$RUNS"); do
  code=0
  /usr/bin/time -f "run $run: %e s elapsed, %U s user, %M KiB peak resident" \
    taskset -c "$CPUS" java -Xmx256m -jar target/quarkus-app/quarkus-run.jar impact "$out/candidate" \
    --log "$out/decisions.jsonl" --json "$out/impact.json" --html "$out/impact.html" > "$out/impact.txt" || code=$?
  [[ $code -le 1 ]] || { echo "guard impact failed with exit code $code" >&2; cat "$out/impact.txt" >&2; exit 1; }
done
grep ' decisions replayed' "$out/impact.txt"
echo "reports: $out/impact.txt, $out/impact.json, $out/impact.html"
