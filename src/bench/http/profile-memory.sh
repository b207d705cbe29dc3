#!/usr/bin/env bash
# Where a memory-on decision's time goes: starts the packaged service on a fresh embedded store,
# warms it up with authenticated decisions (wrk, report.lua, BENCH_VARY callers), then records a
# JFR CPU profile of one measured run and prints the service's CPU per request (from /proc), the
# busiest threads, and the sampled frames: the top of each stack, and the first frame of ours.
#
#   ./mvnw -B -ntp -q -DskipTests package && src/bench/http/profile-memory.sh
#   WARMUP=60 DURATION=20 C=64 src/bench/http/profile-memory.sh      # longer warm-up, 64 connections
# Output in target/bench/profile-memory/: result, threads.txt, self.txt, ours.txt, p.jfr.
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=target/bench/profile-memory PORT="${PORT:-18090}" BASE="http://127.0.0.1:${PORT:-18090}"
rm -rf "$OUT" && mkdir -p "$OUT"
export BENCH_BODY=src/bench/http/incident.json BENCH_VARY=1
java -Xmx256m -Xms256m ${JAVA_OPTS:-} -Dquarkus.profile=bench "-Dquarkus.http.port=$PORT" -Dquarkus.http.host=127.0.0.1 \
  "-Dguard.memory.dir=$OUT/memory" -jar target/quarkus-app/quarkus-run.jar >"$OUT/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true)" = 200 ]; do kill -0 "$pid"; sleep 0.1; done
export BENCH_AUTHORIZATION="Basic $(printf bench:bench-profile-only | base64)"
BENCH_RUN=warmup wrk -t2 -c16 "-d${WARMUP:-20}s" --timeout 5s -s src/bench/http/report.lua "$BASE/v1/decisions" | grep RESULT
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
before=$(ticks)
jcmd "$pid" JFR.start name=p "settings=$PWD/src/bench/http/cpu-samples.jfc" >/dev/null
( sleep 5; top -H -b -n 2 -d 4 -p "$pid" | awk '/^top/ { n++ } n == 2' | sed -n 7,14p >"$OUT/threads.txt" ) &
threads=$!
BENCH_RUN=measured wrk -t2 "-c${C:-16}" "-d${DURATION:-15}s" --timeout 5s -s src/bench/http/report.lua "$BASE/v1/decisions" \
  | grep RESULT | tee "$OUT/result"
after=$(ticks)
n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$OUT/result")
echo "service CPU per request: $(( (after - before) * (1000000 / $(getconf CLK_TCK)) / n )) µs"
jcmd "$pid" JFR.dump name=p "filename=$PWD/$OUT/p.jfr" >/dev/null
wait "$threads"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/p.jfr" >"$OUT/samples"
frame='/^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(/'
awk "/jdk.ExecutionSample/ { s++; top = 1; next } $frame { if (top) { n[\$1]++; top = 0 } }
  END { for (f in n) printf \"%d %s\n\", n[f], f; print s, \"samples\" }" "$OUT/samples" | sort -rn | head -25 >"$OUT/self.txt"
awk "/jdk.ExecutionSample/ { s++; d = 0; next } $frame { if (!d && \$1 ~ /^io\.frontlineguard\./) { n[\$1]++; d = 1 } }
  END { for (f in n) printf \"%d %s\n\", n[f], f; print s, \"samples\" }" "$OUT/samples" | sort -rn | head -25 >"$OUT/ours.txt"
cat "$OUT/threads.txt"; head -12 "$OUT/ours.txt"
