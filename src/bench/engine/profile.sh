#!/usr/bin/env bash
# Where an in-process decision's time goes (issue 32's ≤ 8 µs goal): runs the JMH benchmark
# decideWithBuiltInRules (the scenario mix) in one fork under JFR's execution sampler (every 2 ms,
# src/bench/http/cpu-samples.jfc), after its warm-up, then charges every sample taken inside
# DecisionEngine.evaluateNow to evaluateNow's direct callee (judge = the later judgement stages,
# dispose = the pooled session's reset, resolve = the resolution, ...) and lists the hottest frames.
#
#   ./mvnw -B -ntp -q -Pbench -DskipTests test-compile && src/bench/engine/profile.sh
# Output in target/bench/engine/: engine.jfr, samples, callees.txt, self.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=target/bench/engine
rm -rf "$OUT" && mkdir -p "$OUT"
# JMH's own include is the benchmark class; everything but decideWithBuiltInRules is excluded.
# (BenchMain sets -jvmArgsAppend itself, which would replace ours: the recording goes in -jvmArgsPrepend.)
./mvnw -B -ntp -q -Pbench -DskipTests exec:exec "-Dbench.args=-f 1 -wi 3 -i ${ITERATIONS:-10} \
-e DecisionBenchmark\\.(?!decideWithBuiltInRules\$) \
-jvmArgsPrepend -XX:StartFlightRecording=delay=${DELAY:-25}s,dumponexit=true,filename=$PWD/$OUT/engine.jfr,settings=$PWD/src/bench/http/cpu-samples.jfc" \
  | grep -E '^decideWithBuiltInRules|^benchmark' || true
jfr print --events jdk.ExecutionSample --stack-depth 300 "$OUT/engine.jfr" >"$OUT/samples"
awk -f src/bench/engine/callees.awk "$OUT/samples" | sort -rn >"$OUT/callees.txt"
frame='/^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(/'
awk "/jdk.ExecutionSample/ { s++; top = 1; next } $frame { if (top) { f = \$1; sub(/\\(.*/, \"\", f); n[f]++; top = 0 } }
  END { for (f in n) printf \"%5.1f %%  %s\n\", 100 * n[f] / s, f }" "$OUT/samples" | sort -rn | head -30 >"$OUT/self.txt"
cat "$OUT/callees.txt"; echo; head -15 "$OUT/self.txt"
