# Reads `jfr print --events jdk.ExecutionSample` and prints the share of the service's sampled Java
# CPU spent on authentication and access checks. A sample is charged to the first frame, from the
# top of the stack, that is neither the JDK nor the generic plumbing (Vert.x, Netty, Mutiny): an HMAC
# called by the credential cache is authentication, while the rules and the response that Vert.x
# runs from inside the authenticator's callback are not.
function plumbing(f) {
  return f ~ /^(java\.|javax\.|jdk\.|sun\.|com\.sun\.|io\.netty\.|io\.vertx\.|io\.smallrye\.mutiny\.)/
}
function access(f) {
  return f ~ /^(io\.quarkus\.vertx\.http\.runtime\.security\.|io\.quarkus\.security\.|io\.quarkus\.resteasy\.reactive\.server\.runtime\.security\.|io\.quarkus\.smallrye\.jwt\.|io\.smallrye\.jwt\.|io\.frontlineguard\.security\.|io\.frontlineguard\.callingsystem\.)/
}
/jdk\.ExecutionSample/ { samples++; decided = 0; next }
/^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(/ {
  if (decided) next
  frame = $1
  if (plumbing(frame)) next
  decided = 1
  if (access(frame)) { charged++; where[frame]++ }
}
END {
  if (samples == 0) { print "no samples"; exit 1 }
  printf "%.1f %d %d\n", 100 * charged / samples, charged, samples
  for (f in where) printf "  %d %s\n", where[f], f | "sort -rn | head -5 >&2"
}
