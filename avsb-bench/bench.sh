#!/usr/bin/env bash
# Runs one benchmark group (ours and LaunchDarkly's twin) one flag at a time, so that each pair is
# measured back to back under the same machine load, then prints the tables of docs/performance.md.
# Usage: avsb-bench/bench.sh OUT_DIR REGEX [FLAG...] [-- extra JMH options]
# Example: avsb-bench/bench.sh /tmp/run1 'EvaluationBenchmark'
# BENCH_JAR=path runs another build of benchmarks.jar (default avsb-bench/target/benchmarks.jar).
set -euo pipefail
out="$1"; regex="$2"; shift 2
flags=()
while [[ $# -gt 0 && "$1" != "--" ]]; do flags+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
extra=("$@")
[[ ${#flags[@]} -eq 0 ]] && flags=(rule-only rule-rollout in-1000 prereq-top segment-match)
jar="${BENCH_JAR:-$(dirname "$0")/target/benchmarks.jar}"
mkdir -p "$out"
cp "$jar" "$out/benchmarks.jar"
java -version 2>&1 | head -1 > "$out/jvm.txt"
for flag in "${flags[@]}"; do
  name="${flag//[^a-z0-9-]/_}"
  echo "$flag before: $(uptime)" | tee -a "$out/load.txt"
  java -jar "$out/benchmarks.jar" "$regex" -p flag="$flag" -f 1 -wi 5 -w 1s -i 10 -r 1s -prof gc \
    -jvmArgsAppend -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -rf json -rff "$out/$name.json" "${extra[@]}" > "$out/$name.log" 2>&1
  echo "$flag after:  $(uptime)" | tee -a "$out/load.txt"
done
java -cp "$out/benchmarks.jar" io.avsb.bench.JmhReport "$out"/*.json "$out"/*.log | tee "$out/report.md"
