# Reads `jfr print --events jdk.ExecutionSample` (stacks leaf first). Each sample taken inside
# DecisionEngine.evaluateNow is charged to the frame just above evaluateNow's: its direct callee.
/jdk.ExecutionSample/ { flush(); inside = 0; prev = ""; callee = ""; next }
/^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(/ {
  f = $1; sub(/\(.*/, "", f)
  if (f == "io.frontlineguard.decision.DecisionEngine.evaluateNow" && !inside) { inside = 1; callee = prev }
  prev = f
}
function flush() { if (inside) { n[callee == "" ? "(evaluateNow itself)" : callee]++; total++ } }
END {
  flush()
  for (k in n) printf "%5.1f %%  %s\n", 100 * n[k] / total, k
  printf "%d samples inside evaluateNow\n", total
}
