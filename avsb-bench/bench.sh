#!/usr/bin/env bash
# Runs one benchmark group (ours and LaunchDarkly's twin) one flag at a time, so that each pair is
# measured back to back under the same machine load, then prints the tables of docs/performance.md.
# Usage: avsb-bench/bench.sh OUT_DIR REGEX [FLAG...] [-- extra JMH options]
# Example: avsb-bench/bench.sh /tmp/run1 'EvaluationBenchmark'
# BENCH_JAR=path runs another build of benchmarks.jar (default avsb-bench/target/benchmarks.jar).
#
# avsb-bench/bench.sh all OUT_DIR [-- extra JMH options] runs every comparison (events off, events
# on, track, servlet filter load with events on, start-up from a 10,000-flag file in fresh JVMs)
# into OUT_DIR/{off,on,track,filter.txt,startup.txt} and writes
# the one verdict table of docs/performance.md to OUT_DIR/verdict.md (io.avsb.bench.VerdictReport).
# JMH iterations: WI (warm-up, default 5), I (measured, default 10), W and R (their time, 1s).
# Example (short, for a loaded machine): WI=2 I=3 avsb-bench/bench.sh all /tmp/all
set -euo pipefail
if [[ "${1:-}" == "all" ]]; then
  out="$2"; shift 2
  [[ "${1:-}" == "--" ]] && shift
  self="$0"
  jar="${BENCH_JAR:-$(dirname "$0")/target/benchmarks.jar}"
  mkdir -p "$out"
  echo "all before: $(uptime)" | tee "$out/load.txt"
  "$self" "$out/off" 'EvaluationBenchmark' -- "$@"
  "$self" "$out/on" 'EvaluationWithEventsBenchmark' -- "$@"
  mkdir -p "$out/track"
  echo "track before: $(uptime)" | tee -a "$out/load.txt"
  java -jar "$jar" 'TrackBenchmark' -f 1 -wi "${WI:-5}" -w "${W:-1s}" -i "${I:-10}" -r "${R:-1s}" \
    -prof gc -jvmArgsAppend -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -rf json -rff "$out/track/track.json" "$@" > "$out/track/track.log" 2>&1
  echo "filter before: $(uptime)" | tee -a "$out/load.txt"
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" io.avsb.bench.FilterLoadRun \
    "${FILTER_REQUESTS:-100000}" "${FILTER_ROUNDS:-6}" 4 examples/flags.json on \
    > "$out/filter.txt" 2>&1
  echo "startup before: $(uptime)" | tee -a "$out/load.txt"
  java -cp "$jar" io.avsb.bench.StartupRun "${STARTUP_RUNS:-10}" 10000 > "$out/startup.txt" 2>&1
  echo "all after:  $(uptime)" | tee -a "$out/load.txt"
  java -cp "$jar" io.avsb.bench.VerdictReport "$out" | tee "$out/verdict.md"
  exit 0
fi
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
  java -jar "$out/benchmarks.jar" "$regex" -p flag="$flag" -f 1 -wi "${WI:-5}" -w "${W:-1s}" \
    -i "${I:-10}" -r "${R:-1s}" -prof gc \
    -jvmArgsAppend -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -rf json -rff "$out/$name.json" "${extra[@]}" > "$out/$name.log" 2>&1
  echo "$flag after:  $(uptime)" | tee -a "$out/load.txt"
done
java -cp "$out/benchmarks.jar" io.avsb.bench.JmhReport "$out"/*.json "$out"/*.log | tee "$out/report.md"
