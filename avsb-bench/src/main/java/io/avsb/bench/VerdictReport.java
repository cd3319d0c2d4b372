package io.avsb.bench;

import io.avsb.AvsbValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the one verdict table of {@code docs/performance.md} from a {@code bench.sh all OUT} run:
 * per flag shape the ratio ours/LaunchDarkly (by mean) with events off and on against the issue's
 * targets, our caller-thread B/op, the output events our SDK dropped and the summary counts that
 * did not arrive (a prerequisite's evaluation counts as well); then {@code track}, the servlet
 * load run and the start-up from a flags file. Reads {@code OUT/off}, {@code OUT/on}, {@code
 * OUT/track} (JMH JSON and logs), {@code OUT/filter.txt} and {@code OUT/startup.txt}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.avsb.bench.VerdictReport OUT}
 */
public final class VerdictReport {
  private static final Pattern CALLER =
      Pattern.compile("# caller-thread allocation: (\\S+) (\\S+) ([\\d.]+) B/op over \\d+ calls"
          + " \\((\\d+) calls in all iterations\\)");
  private static final Pattern DROPPED = Pattern.compile("# events dropped: (\\S+) (\\d+)");
  private static final Pattern SUMMARY = Pattern.compile("# summary counted: (\\S+) (\\d+)");
  private static final Pattern FILTER =
      Pattern.compile("ratio avsb/bare ([\\d.]+) \\(median of rounds ([\\d.]+)\\)");
  private static final Pattern FILTER_DROPPED =
      Pattern.compile("events dropped by the SDK \\(whole run, warm-up included\\): (\\d+)");

  private static final Pattern STARTUP = Pattern.compile(
      "startup: median ([\\d.]+) ms, heap ([\\d.]+) MiB, (\\d+) flags, (\\d+) runs");

  private VerdictReport() {}

  /** Prints the table for the run directory given as the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: VerdictReport OUT_DIR (as written by bench.sh all OUT_DIR)");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Map<String, Double> off = scores(out.resolve("off"));
    Map<String, Double> on = scores(out.resolve("on"));
    Map<String, Double> track = scores(out.resolve("track"));
    String onLogs = logs(out.resolve("on"));
    Map<String, String[]> caller = matches(CALLER, onLogs + logs(out.resolve("off")));
    Map<String, String[]> dropped = matches(DROPPED, onLogs);
    Map<String, String[]> summarized = matches(SUMMARY, onLogs);
    System.out.println("| shape | events off: ours/LD (target) | events on: ours/LD (target)"
        + " | caller B/op off / on (target) | output events dropped (on)"
        + " | summary counts missing (on) |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (String flag : List.of(BenchFlags.RULE_ONLY, BenchFlags.ROLLOUT, BenchFlags.BIG_IN,
        BenchFlags.PREREQUISITES, BenchFlags.SEGMENT)) {
      double offTarget = BenchFlags.ROLLOUT.equals(flag) ? 0.45 : 0.5;
      String offBytes = field(caller, "io.avsb.bench.EvaluationBenchmark.evaluate " + flag, 3);
      String onKey = "io.avsb.bench.EvaluationWithEventsBenchmark.evaluate " + flag;
      String onBytes = field(caller, onKey, 3);
      String calls = field(caller, onKey, 4);
      String sum = field(summarized, flag, 2);
      // each evaluation also counts the flags of its prerequisite chain (three for prereq-top)
      int perCall = BenchFlags.summaryCountsPerEvaluation(flag);
      String missing = calls.equals("n/a") || sum.equals("n/a") ? "n/a"
          : Long.toString(Long.parseLong(calls) * perCall - Long.parseLong(sum));
      String expected = calls.equals("n/a") ? "n/a" : perCall == 1 ? calls
          : String.format(Locale.ROOT, "%d (%d evaluations × %d flags)",
              Long.parseLong(calls) * perCall, Long.parseLong(calls), perCall);
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s / %s %s | %s | %s of %s |%n", flag,
          verdict(ratio(off, "EvaluationBenchmark", flag), offTarget, true),
          verdict(ratio(on, "EvaluationWithEventsBenchmark", flag), 0.3, true),
          offBytes, onBytes, noObjectPerCall(offBytes, onBytes), field(dropped, flag, 2), missing,
          expected);
    }
    System.out.println();
    System.out.println("| other | ours/LD or avsb/bare (target) | note |");
    System.out.println("| --- | ---: | --- |");
    for (String name : List.of("TrackBenchmark.trackEvent", "TrackBenchmark.trackPurchase")) {
      System.out.printf(Locale.ROOT, "| %s | %s | ratio of means |%n", name,
          verdict(ratio(track, name, "-"), Double.NaN, true));
    }
    Path filter = out.resolve("filter.txt");
    String text = Files.exists(filter) ? Files.readString(filter, StandardCharsets.UTF_8) : "";
    Matcher f = FILTER.matcher(text);
    Matcher d = FILTER_DROPPED.matcher(text);
    boolean found = f.find();
    System.out.printf(Locale.ROOT, "| servlet filter + 2 reads + 1 track, events on | %s |"
            + " median of rounds %s; events dropped by the SDK %s |%n",
        found ? verdict(Double.parseDouble(f.group(1)), 0.97, false) : "n/a",
        found ? f.group(2) : "n/a", d.find() ? d.group(1) : "n/a");
    Path startup = out.resolve("startup.txt");
    Matcher s = STARTUP.matcher(
        Files.exists(startup) ? Files.readString(startup, StandardCharsets.UTF_8) : "");
    boolean ran = s.find();
    System.out.printf(Locale.ROOT, "| ready from a %s-flag file, fresh JVM (ms) | %s |"
            + " median of %s runs; heap held once ready %s MiB |%n",
        ran ? s.group(3) : "10000",
        ran ? verdictMillis(Double.parseDouble(s.group(1)), 250) : "n/a",
        ran ? s.group(4) : "n/a", ran ? s.group(2) : "n/a");
  }

  private static String verdictMillis(double millis, double target) {
    return String.format(Locale.ROOT, "%.1f (≤ %.0f) %s", millis, target,
        millis <= target ? "met" : "**not met**");
  }

  private static String verdict(double ratio, double target, boolean atMost) {
    if (Double.isNaN(ratio)) {
      return "n/a";
    }
    if (Double.isNaN(target)) {
      return String.format(Locale.ROOT, "%.3f", ratio);
    }
    boolean met = atMost ? ratio <= target : ratio >= target;
    return String.format(Locale.ROOT, "%.3f (%s %.2f) %s", ratio, atMost ? "≤" : "≥", target,
        met ? "met" : "**not met**");
  }

  private static double ratio(Map<String, Double> scores, String ours, String flag) {
    Double a = scores.get(ours + " " + flag);
    Double b = scores.get("LaunchDarkly" + ours + " " + flag);
    return a == null || b == null ? Double.NaN : a / b;
  }

  /**
   * The 0 B/op target: met when both averages stay under one byte per call, which no allocated
   * object (16 bytes at least) can; what remains is the JIT's one-off work spread over the calls.
   */
  private static String noObjectPerCall(String off, String on) {
    if (off.equals("n/a") || on.equals("n/a")) {
      return "(0) n/a";
    }
    boolean met = Double.parseDouble(off) < 1 && Double.parseDouble(on) < 1;
    return met ? "(0) met" : "(0) **not met**";
  }

  /** "EvaluationBenchmark.evaluate flag" (class and method, without the package) to the mean. */
  private static Map<String, Double> scores(Path dir) throws IOException {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
        AvsbValue results = AvsbValue.parse(Files.readString(p, StandardCharsets.UTF_8));
        for (int i = 0; i < results.size(); i++) {
          AvsbValue r = results.get(i);
          String benchmark = r.get("benchmark").stringValue();
          String name = benchmark.substring(benchmark.lastIndexOf('.',
              benchmark.lastIndexOf('.') - 1) + 1).replace(".evaluate", "");
          AvsbValue params = r.get("params");
          // a benchmark without parameters has no "params" (get gives JSON null, not null)
          String flag = r.get("params").get("flag").stringValue();
          if (flag == null) {
            flag = "-";
          }
          out.put(name + " " + flag, r.get("primaryMetric").get("score").doubleValue());
        }
      }
    }
    return out;
  }

  private static String logs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(x -> x.toString().endsWith(".log")).sorted().toList()) {
        all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
      }
    }
    return all.toString();
  }

  /** Each match by its first group (or first two, for the caller lines), with all its groups. */
  private static Map<String, String[]> matches(Pattern pattern, String text) {
    Map<String, String[]> out = new LinkedHashMap<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      String[] groups = new String[m.groupCount() + 1];
      for (int g = 0; g <= m.groupCount(); g++) {
        groups[g] = m.group(g);
      }
      out.put(pattern == CALLER ? m.group(1) + " " + m.group(2) : m.group(1), groups);
    }
    return out;
  }

  private static String field(Map<String, String[]> found, String key, int group) {
    String[] g = found.get(key);
    return g == null ? "n/a" : g[group];
  }
}
