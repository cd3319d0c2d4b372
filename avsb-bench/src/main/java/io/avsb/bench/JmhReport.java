package io.avsb.bench;

import io.avsb.AvsbValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JMH JSON result files ({@code -rf json -rff FILE}) and, optionally, the runs' console logs
 * into the Markdown tables of {@code docs/performance.md}: every result with its error, median and
 * best iteration, all-thread B/op from {@code -prof gc} and the caller-thread B/op printed by
 * {@link ContextCursor}; then, for each of our benchmarks that has a {@code LaunchDarkly...} twin,
 * the time ratio ours/theirs by mean, by median and by best iteration.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.avsb.bench.JmhReport result.json...
 * [console.log...]}
 * (arguments ending in {@code .json} are results, the others console logs).
 */
public final class JmhReport {
  private static final Pattern CALLER =
      Pattern.compile("# caller-thread allocation: (\\S+) (\\S+) ([\\d.]+) B/op over \\d+ calls"
          + "(?: \\((\\d+) calls in all iterations\\))?");
  private static final Pattern DROPPED = Pattern.compile("# events dropped: (\\S+) (\\d+)");
  private static final Pattern SUMMARY = Pattern.compile("# summary counted: (\\S+) (\\d+)");

  private JmhReport() {}

  /** Prints the tables for the given result file and optional log. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: JmhReport result.json... [console.log...]");
      System.exit(2);
    }
    Map<String, String> caller = new LinkedHashMap<>();
    Map<String, Long> calls = new LinkedHashMap<>();
    Map<String, Long> dropped = new LinkedHashMap<>();
    Map<String, Long> summarized = new LinkedHashMap<>();
    List<AvsbValue> results = new ArrayList<>();
    for (String arg : args) {
      String text = Files.readString(Path.of(arg), StandardCharsets.UTF_8);
      if (arg.endsWith(".json")) {
        AvsbValue file = AvsbValue.parse(text);
        for (int i = 0; i < file.size(); i++) {
          results.add(file.get(i));
        }
      } else {
        Matcher m = CALLER.matcher(text);
        while (m.find()) {
          caller.put(m.group(1) + " " + m.group(2), m.group(3));
          if (m.group(4) != null) {
            calls.put(m.group(1) + " " + m.group(2), Long.parseLong(m.group(4)));
          }
        }
        Matcher d = DROPPED.matcher(text);
        while (d.find()) {
          dropped.put(d.group(1), Long.parseLong(d.group(2)));
        }
        Matcher c = SUMMARY.matcher(text);
        while (c.find()) {
          summarized.put(c.group(1), Long.parseLong(c.group(2)));
        }
      }
    }
    Map<String, Row> rows = new LinkedHashMap<>();
    results.stream().map(result -> Row.of(result, caller))
        .sorted(java.util.Comparator.comparing(Row::name))
        .forEach(r -> rows.put(r.name + " " + r.param, r));
    System.out.println("| benchmark | flag | score | ± error (99.9%) | unit | median | best |"
        + " B/op (all threads) | B/op (caller thread) |");
    System.out.println("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
    for (Row r : rows.values()) {
      System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s | %.1f | %.1f | %s | %s |%n",
          label(r.name), r.param, r.score, r.error, r.unit, r.median, r.best, r.allocAll,
          r.allocCaller);
    }
    boolean header = false;
    for (Row ours : rows.values()) {
      if (ours.name.startsWith("LaunchDarkly")) {
        continue;
      }
      Row theirs = rows.get("LaunchDarkly" + ours.name + " " + ours.param);
      if (theirs == null) {
        continue;
      }
      if (!header) {
        System.out.println();
        System.out.println(
            "| ours | theirs | flag | ratio by mean | ratio by median | ratio by best |");
        System.out.println("| --- | --- | --- | ---: | ---: | ---: |");
        header = true;
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f |%n", label(ours.name),
          label(theirs.name), ours.param, ours.score / theirs.score, ours.median / theirs.median,
          ours.best / theirs.best);
    }
    if (!dropped.isEmpty()) {
      System.out.println();
      System.out.println(
          "| flag | evaluations (all iterations) | output events dropped by ours | share |"
              + " summary counts delivered | summary counts missing |");
      System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
      for (Map.Entry<String, Long> e : dropped.entrySet()) {
        Long n = calls.get("io.avsb.bench.EvaluationWithEventsBenchmark.evaluate " + e.getKey());
        Long s = summarized.get(e.getKey());
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |%n", e.getKey(),
            n == null ? "n/a" : n.toString(), e.getValue(),
            n == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / n),
            s == null ? "n/a" : s.toString(), s == null || n == null ? "n/a"
                // a prerequisite's evaluation is counted as well (three flags for prereq-top)
                : "" + (n * BenchFlags.summaryCountsPerEvaluation(e.getKey()) - s));
      }
    }
  }

  /** "ours Track.trackEvent" for TrackBenchmark.trackEvent, "LD ..." for its LaunchDarkly twin. */
  private static String label(String name) {
    String who = name.startsWith("LaunchDarkly") ? "LD " : "ours ";
    String rest = name.startsWith("LaunchDarkly") ? name.substring("LaunchDarkly".length()) : name;
    return who + rest.replace("Benchmark.evaluate", "").replace("Benchmark.", ".");
  }

  private record Row(String name, String param, double score, double error, String unit,
      double median, double best, String allocAll, String allocCaller) {
    static Row of(AvsbValue result, Map<String, String> caller) {
      String benchmark = result.get("benchmark").stringValue();
      String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1)
          + 1);
      AvsbValue params = result.get("params");
      String param = params == null || params.get("flag").stringValue() == null
          ? "-" : params.get("flag").stringValue();
      AvsbValue primary = result.get("primaryMetric");
      List<Double> raw = new ArrayList<>();
      AvsbValue forks = primary.get("rawData");
      for (int f = 0; f < forks.size(); f++) {
        for (int i = 0; i < forks.get(f).size(); i++) {
          raw.add(number(forks.get(f).get(i)));
        }
      }
      double[] sorted = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1
          ? sorted[sorted.length / 2]
          : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      double best = Arrays.stream(sorted).min().orElse(Double.NaN);
      AvsbValue secondary = result.get("secondaryMetrics");
      AvsbValue norm = secondary == null ? null : secondary.get("gc.alloc.rate.norm");
      String allocAll = norm == null ? "n/a" : String.format(Locale.ROOT, "%.1f ± %.1f",
          number(norm.get("score")), number(norm.get("scoreError")));
      String allocCaller = caller.getOrDefault(benchmark + " " + param, "n/a");
      return new Row(name, param, number(primary.get("score")),
          number(primary.get("scoreError")), primary.get("scoreUnit").stringValue(), median, best,
          allocAll, allocCaller);
    }

    private static double number(AvsbValue v) {
      if (v == null) {
        return Double.NaN;
      }
      return v.isNumber() ? v.doubleValue() : Double.NaN;
    }
  }
}
