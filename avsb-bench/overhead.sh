#!/usr/bin/env bash
# Measures what a variant costs over a baseline benchmark: for each flag, ROUNDS rounds (default 3)
# of one JMH fork of BASE then one of OTHER, back to back so that both see the same machine load,
# then prints the tables of docs/performance.md (wall-clock score and the benchmark thread's CPU
# time per call, from ContextCursor). Waits while another JMH run holds the JMH lock.
# Usage: avsb-bench/overhead.sh OUT_DIR BASE OTHER [FLAG...]
# Example: avsb-bench/overhead.sh /tmp/metrics EvaluationBenchmark EvaluationWithMetricsBenchmark
set -euo pipefail
out="$1"; base="$2"; other="$3"; shift 3
flags=("$@")
[[ ${#flags[@]} -eq 0 ]] && flags=(rule-only rule-rollout in-1000 prereq-top segment-match)
rounds="${ROUNDS:-3}"
jar="${BENCH_JAR:-$(dirname "$0")/target/benchmarks.jar}"
mkdir -p "$out"
cp "$jar" "$out/benchmarks.jar"
java -version 2>&1 | head -1 > "$out/jvm.txt"
for flag in "${flags[@]}"; do
  for round in $(seq 1 "$rounds"); do
    for b in "$base" "$other"; do
      name="$out/$flag-$round-$b"
      while true; do
        echo "$flag $round $b before: $(uptime)" | tee -a "$out/load.txt"
        java -jar "$out/benchmarks.jar" "^io.avsb.bench.$b.evaluate\$" -p flag="$flag" -f 1 \
          -wi 3 -w 1s -i 5 -r 1s -prof gc -jvmArgsAppend -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
          -rf json -rff "$name.json" > "$name.log" 2>&1 || true
        echo "$flag $round $b after:  $(uptime)" | tee -a "$out/load.txt"
        grep -q "Unable to acquire the JMH lock" "$name.log" || break
        sleep 20
      done
    done
  done
done
java -cp "$out/benchmarks.jar" io.avsb.bench.OverheadReport "$out" "$base" "$other" \
  | tee "$out/report.md"
