#!/usr/bin/env bash
# Before/after in one run: builds two revisions side by side and runs each one's own HTTP benchmark
# (src/bench/http/run.sh of that revision) in alternating rounds, then, with JMH=true, each one's
# in-process benchmark. Absolute rates drift on a shared machine; each run's ratio to its own
# baseline (measured in that run) does not, so the ratios of the two revisions are what is compared.
#
#   src/bench/compare.sh 27a0f9c^1 HEAD                 # issue 29: before and after the judgement stages
#   ROUNDS=3 JMH=true src/bench/compare.sh 981b787 HEAD  # issue 27/28: before and after access and the ledger
#   MEMORY=embedded src/bench/compare.sh A B             # any run.sh setting passes through
#
# Each revision runs the benchmark it shipped with: a revision from before calling systems
# authenticated sends decisions without a credential, as its own production did.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# = 2 ] || { echo "usage: $0 <before-revision> <after-revision>" >&2; exit 2; }
ROUNDS="${ROUNDS:-2}"
OUT="$PWD/target/compare"
rm -rf "$OUT" && mkdir -p "$OUT"

trees=()
for side in before after; do
  rev=$([ "$side" = before ] && echo "$1" || echo "$2")
  tree="$OUT/$side"
  git worktree add --detach "$tree" "$rev" >/dev/null 2>&1
  trees+=("$tree")
  echo "$side: $(git -C "$tree" log --oneline -1)" | tee -a "$OUT/report.md"
  (cd "$tree" && ./mvnw -B -ntp -q -DskipTests package)
done
trap 'for t in "${trees[@]}"; do git worktree remove --force "$t" 2>/dev/null || true; done' EXIT

row() { # side round: the lines of that run's report table
  grep '^| [0-9]' "$OUT/${1}-${2}.md" | head -n "$(wc -w <<<"${CONNECTIONS:-16 64}")"
}
for r in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    (cd "$OUT/$side" && SKIP_BUILD=1 src/bench/http/run.sh >/dev/null 2>"$OUT/${side}-${r}.log")
    cp "$OUT/$side/target/bench/http-report.md" "$OUT/${side}-${r}.md"
  done
done

{
  echo
  echo "| side | round | connections | baseline req/s | decisions req/s | decisions / baseline | baseline p50 / p99 ms | decisions p50 / p99 ms |"
  echo "|---|---|---|---|---|---|---|---|"
  for r in $(seq 1 "$ROUNDS"); do
    for side in before after; do
      row "$side" "$r" | awk -F'|' -v s="$side" -v r="$r" '{ printf "| %s | %s |%s|%s|%s|%s|%s|%s|\n", s, r, $2, $3, $4, $5, $6, $7 }'
    done
  done
  echo
  for c in ${CONNECTIONS:-16 64}; do
    ratios() { for r in $(seq 1 "$ROUNDS"); do row "$1" "$r" | awk -F'|' -v c="$c" '$2 + 0 == c { gsub(/[* ]/, "", $5); print $5 }'; done | sort -g; }
    med() { awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    b=$(ratios before | med); a=$(ratios after | med)
    echo "- $c connections: decisions / baseline, median of $ROUNDS rounds: before $b, after $a; after / before $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
  done
} | tee -a "$OUT/report.md"

if [ "${JMH:-false}" = true ]; then
  for side in before after; do
    echo "## in process, $side" >>"$OUT/report.md"
    (cd "$OUT/$side" && ./mvnw -B -ntp -q -Pbench -DskipTests test-compile exec:exec 2>&1 | tail -n 30) | tee -a "$OUT/report.md"
  done
fi
echo "report: $OUT/report.md"
