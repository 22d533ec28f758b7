#!/usr/bin/env bash
# Compares two builds of the benchmarks jar on the same machine: runs Measure (full lint against the
# parse floor, in one JVM) with jar A, then jar B, N times, and prints the median ratio of each. The
# speed of a shared VM drifts by tens of per cent within minutes; alternating whole runs and comparing
# ratios (each taken from pairs inside one JVM) keeps the drift out of the comparison. Usage:
#
#   benchmarks/alternate.sh JAR_A JAR_B [N] [PATH]      (defaults: 5, /work/shared/corpus)
#
# Build a jar of each commit with `./mvnw -B -q -Pbench -DskipTests package` and copy
# benchmarks/target/benchmarks.jar aside before building the other.
set -euo pipefail
a=$1; b=$2; n=${3:-5}; path=${4:-/work/shared/corpus}
for _ in $(seq "$n"); do
  for side in A B; do
    jar=$a; [ "$side" = B ] && jar=$b
    java -Xss8m -cp "$jar" dev.faultline.bench.Measure "$path" 1 10 | sed "s/^/$side /"
  done
done | awk '
  /full\/parse/ {
    for (i = 1; i <= NF; i++) if ($i == "full/parse") r = $(i + 1)
    v[$1] = v[$1] " " r
  }
  END {
    for (s in v) {
      n = split(v[s], x, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
      m = (n % 2) ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
      printf "%s full/parse median %.2f over %d runs:%s\n", s, m, n, v[s]
    }
  }' | sort
