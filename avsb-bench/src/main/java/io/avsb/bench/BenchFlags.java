package io.avsb.bench;

import io.avsb.AvsbValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flag data every evaluation benchmark runs on, as one JSON document in the server-side flag
 * model ({@code {"flags": ..., "segments": ...}}) that both SDKs load unchanged from a file, and
 * the contexts they evaluate for. Each benchmarked flag is one shape named by the issue. Stateless
 * and thread-safe.
 */
public final class BenchFlags {
  /** A rule-only boolean flag: two rules on {@code plan} and {@code country}, fallthrough false. */
  public static final String RULE_ONLY = "rule-only";
  /** A rule for enterprise users, then a 50/50 percentage rollout by key. */
  public static final String ROLLOUT = "rule-rollout";
  /** A rule whose single clause is {@code key in [1,000 keys]}. */
  public static final String BIG_IN = "in-1000";
  /** The top of a prerequisite chain three flags deep. */
  public static final String PREREQUISITES = "prereq-top";
  /** A flag whose rule matches a segment (100 included keys and a segment rule on country). */
  public static final String SEGMENT = "segment-match";

  /** How many distinct contexts the benchmarks cycle through (a power of two). */
  public static final int CONTEXTS = 1_024;

  static final String[] PLANS = {"free", "pro", "team", "enterprise"};
  static final String[] COUNTRIES = {"us", "ca", "gb", "de", "fr", "nz", "jp"};

  private BenchFlags() {}

  /** The key of context {@code i}. */
  public static String key(int i) {
    return String.format("user-%04d", i);
  }

  /** The {@code plan} attribute of context {@code i}. */
  public static String plan(int i) {
    return PLANS[i % PLANS.length];
  }

  /** The {@code country} attribute of context {@code i}. */
  public static String country(int i) {
    return COUNTRIES[i % COUNTRIES.length];
  }

  /** The flags and segment as JSON text. */
  public static String json() {
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put(RULE_ONLY, flag(RULE_ONLY, List.of(
        rule("r-enterprise", 0, clause("plan", "in", List.of("enterprise"))),
        rule("r-pro-na", 0, clause("plan", "in", List.of("pro")),
            clause("country", "in", List.of("us", "ca")))), Map.of("variation", 1), List.of()));
    flags.put(ROLLOUT, flag(ROLLOUT, List.of(
        rule("r-enterprise", 0, clause("plan", "in", List.of("enterprise")))),
        Map.of("rollout", Map.of("variations", List.of(
            Map.of("variation", 0, "weight", 50_000), Map.of("variation", 1, "weight", 50_000)))),
        List.of()));
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 2_000; i += 2) {
      keys.add(key(i));
    }
    flags.put(BIG_IN, flag(BIG_IN, List.of(rule("r-keys", 0, clause("key", "in", keys))),
        Map.of("variation", 1), List.of()));
    flags.put("prereq-base", flag("prereq-base", List.of(
        rule("r-free", 1, clause("plan", "in", List.of("free")))), Map.of("variation", 0),
        List.of()));
    flags.put("prereq-mid", flag("prereq-mid", List.of(), Map.of("variation", 0),
        List.of(Map.of("key", "prereq-base", "variation", 0))));
    flags.put(PREREQUISITES, flag(PREREQUISITES, List.of(), Map.of("variation", 0),
        List.of(Map.of("key", "prereq-mid", "variation", 0))));
    flags.put(SEGMENT, flag(SEGMENT, List.of(
        rule("r-segment", 0, clause("", "segmentMatch", List.of("beta-testers")))),
        Map.of("variation", 1), List.of()));
    List<Object> included = new ArrayList<>();
    for (int i = 0; i < CONTEXTS; i += 10) {
      included.add(key(i));
    }
    Map<String, Object> segment = new LinkedHashMap<>();
    segment.put("key", "beta-testers");
    segment.put("version", 1);
    segment.put("salt", "beta-testers-salt");
    segment.put("included", included);
    segment.put("excluded", List.of(key(3)));
    segment.put("rules", List.of(Map.of("id", "s-eu",
        "clauses", List.of(clause("country", "in", List.of("de", "fr"))))));
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("flags", flags);
    all.put("segments", Map.of("beta-testers", segment));
    return AvsbValue.fromJava(all).toJson();
  }

  /**
   * How many summary counts one evaluation of {@code flag} adds: one for the flag and one for each
   * flag of its prerequisite chain, which is evaluated too (each flag here has at most one
   * prerequisite, so the whole chain is evaluated whatever the context).
   */
  public static int summaryCountsPerEvaluation(String flag) {
    return withPrerequisites(AvsbValue.parse(json()).get("flags"), flag);
  }

  private static int withPrerequisites(AvsbValue flags, String key) {
    int n = 1;
    AvsbValue prerequisites = flags.get(key).get("prerequisites");
    for (int i = 0; i < prerequisites.size(); i++) {
      n += withPrerequisites(flags, prerequisites.get(i).get("key").stringValue());
    }
    return n;
  }

  /** Writes {@link #json()} to a new temporary file, deleted when the JVM exits. */
  public static Path writeTempFile() {
    try {
      Path file = Files.createTempFile("avsb-bench-flags", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, json(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark flags file", e);
    }
  }

  private static Map<String, Object> flag(String key, List<Object> rules,
      Map<String, Object> fallthrough, List<Object> prerequisites) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", key);
    f.put("version", 1);
    f.put("on", true);
    f.put("salt", key + "-salt");
    f.put("variations", List.of(true, false));
    f.put("offVariation", 1);
    f.put("fallthrough", fallthrough);
    f.put("targets", List.of());
    f.put("contextTargets", List.of());
    f.put("rules", rules);
    f.put("prerequisites", prerequisites);
    f.put("trackEvents", false);
    f.put("trackEventsFallthrough", false);
    return f;
  }

  private static Object rule(String id, int variation, Object... clauses) {
    return Map.of("id", id, "variation", variation, "clauses", List.of(clauses),
        "trackEvents", false);
  }

  private static Object clause(String attribute, String op, List<?> values) {
    return Map.of("attribute", attribute, "op", op, "values", values, "negate", false);
  }
}
