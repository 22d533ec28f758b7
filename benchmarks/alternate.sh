#!/usr/bin/env bash
# Compares two builds of the benchmarks jar on the same machine: runs Measure (full lint against the
# parse floor, in one JVM) with jar A, then jar B, N times, and prints for each side the medians over
# its runs of the ratio, the parse floor and the full lint. Then, the same way, the full lint alone in
# its own JVM (`Measure PATH 1 40 full`). The speed of a shared VM drifts by tens of per cent within
# minutes; alternating whole runs keeps the drift out of the comparison. Read both parts: a JVM's parse
# floor moves by several per cent with what else ran in it, so a better ratio alone may be a slower
# parse floor; a change is faster when the full lint alone is. Usage:
#
#   benchmarks/alternate.sh JAR_A JAR_B [N] [PATH]      (defaults: 5, /work/shared/corpus)
#
# Build a jar of each commit with `./mvnw -B -q -Pbench -DskipTests package` and copy
# benchmarks/target/benchmarks.jar aside before building the other.
set -euo pipefail
a=$1; b=$2; n=${3:-5}; path=${4:-/work/shared/corpus}
medians='
  function med(list,   x, k, i, j, t) {
    k = split(list, x, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (x[j] + 0 < x[i] + 0) { t = x[i]; x[i] = x[j]; x[j] = t }
    return (k % 2) ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2
  }'
for _ in $(seq "$n"); do
  for side in A B; do
    jar=$a; [ "$side" = B ] && jar=$b
    java -Xss8m -cp "$jar" dev.faultline.bench.Measure "$path" 1 10 | sed "s/^/$side /"
  done
done | awk "$medians"'
  /full\/parse/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "full/parse") r[$1] = r[$1] " " $(i + 1)
      if ($i == "floor") p[$1] = p[$1] " " $(i + 1)
      if ($i == "lint") f[$1] = f[$1] " " $(i + 1)
    }
  }
  END {
    for (s in r) printf "%s full/parse median %.2f (runs:%s); parse floor %.1f ms, full lint %.1f ms\n", s, med(r[s]), r[s], med(p[s]), med(f[s])
  }' | sort
for _ in $(seq "$n"); do
  for side in A B; do
    jar=$a; [ "$side" = B ] && jar=$b
    java -Xss8m -cp "$jar" dev.faultline.bench.Measure "$path" 1 40 full | sed "s/^/$side /"
  done
done | awk "$medians"'
  /alone/ { for (i = 1; i <= NF; i++) if ($i == "alone") t[$1] = t[$1] " " $(i + 1) }
  END {
    for (s in t) printf "%s full lint alone median %.1f ms (runs:%s)\n", s, med(t[s]), t[s]
    for (i = 1; i <= 2; i++) {
      s = i == 1 ? "A" : "B"
      if (!(s in t)) printf "%s full lint alone: not measured (a benchmarks jar from before 80bdeb9 has no full mode)\n", s
    }
  }' | sort
