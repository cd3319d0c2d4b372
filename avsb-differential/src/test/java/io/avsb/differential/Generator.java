package io.avsb.differential;

import static io.avsb.differential.Json.arr;
import static io.avsb.differential.Json.obj;

import static io.avsb.differential.Pools.ATTRIBUTES;
import static io.avsb.differential.Pools.INVALID_REFS;
import static io.avsb.differential.Pools.KEYS;
import static io.avsb.differential.Pools.KINDS;
import static io.avsb.differential.Pools.NUMBERS;
import static io.avsb.differential.Pools.OPERATORS;
import static io.avsb.differential.Pools.PATHS;
import static io.avsb.differential.Pools.REGEXES;
import static io.avsb.differential.Pools.STRINGS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of worlds: flags, segments and contexts drawn from shared pools, so that
 * targets, clauses and segment lists hit the contexts' keys and values often enough to reach
 * every path. It reaches every operator with well-formed and malformed operands, attribute
 * references with and without a context kind, valid and invalid bucketBy references, rollouts
 * and experiments with weights under, over and exactly 100,000 and zero, seeds and int32 edge
 * values, prerequisite chains, cycles and off prerequisites, segment rules with weights, rollout
 * kinds and cycles, multi-kind and old-style contexts, arrays, nulls and unicode. Only JSON both
 * SDKs read structurally (right types in the right places) is generated. Not thread-safe.
 */
final class Generator {
  private static final String[] FLAG_OPTIONAL = {
    "salt", "offVariation", "prerequisites", "targets", "contextTargets", "rules", "fallthrough",
  };
  private static final String[] SEGMENT_OPTIONAL = {
    "salt", "included", "excluded", "includedContexts", "excludedContexts", "rules",
  };
  private static final String[] RULE_OPTIONAL = {"id", "variation", "rollout"};

  private final Random r;
  private final Values v;
  private final Contexts contexts;

  Generator(long seed) {
    this.r = new Random(seed);
    this.v = new Values(r);
    this.contexts = new Contexts(v);
  }

  /** A world of {@code flagCount} flags, {@code segmentCount} segments and contexts. */
  World world(String prefix, int flagCount, int segmentCount, int contextCount) {
    List<String> flagKeys = new ArrayList<>();
    for (int i = 0; i < flagCount; i++) {
      flagKeys.add(prefix + "f" + i);
    }
    List<String> segmentKeys = new ArrayList<>();
    for (int i = 0; i < segmentCount; i++) {
      segmentKeys.add(prefix + "s" + i);
    }
    Map<String, Object> segments = new LinkedHashMap<>();
    for (int i = 0; i < segmentCount; i++) {
      String key = segmentKeys.get(i);
      segments.put(key, r.nextInt(40) == 0 ? deleted(key)
          : nullsForAbsent(segment(key, segmentKeys), SEGMENT_OPTIONAL));
    }
    Map<String, Object> flags = new LinkedHashMap<>();
    for (int i = 0; i < flagCount; i++) {
      String key = flagKeys.get(i);
      flags.put(key, r.nextInt(40) == 0 ? deleted(key)
          : nullsForAbsent(flag(key, i, flagKeys, segmentKeys), FLAG_OPTIONAL));
    }
    List<Object> contextList = new ArrayList<>();
    for (int i = 0; i < contextCount; i++) {
      contextList.add(contexts.context());
    }
    return new World(flags, segments, contextList);
  }

  /** A deletion marker: both SDKs treat the item as absent. */
  private static Map<String, Object> deleted(String key) {
    return obj("key", key, "version", 2L, "deleted", true);
  }

  /**
   * Sometimes writes JSON null for an absent optional property: both SDKs read it as absent. Only
   * properties where the reference's reader takes null are chosen (its custom readers of clauses,
   * rollouts and segment rules reject null for most of theirs).
   */
  private Map<String, Object> nullsForAbsent(Map<String, Object> item, String[] optional) {
    for (String name : optional) {
      if (!item.containsKey(name) && r.nextInt(8) == 0) {
        item.put(name, null);
      }
    }
    return item;
  }

  // ---- flags ----

  private Map<String, Object> flag(String key, int index, List<String> flagKeys,
      List<String> segmentKeys) {
    Map<String, Object> f = obj("key", key, "version", 1L);
    int n = 1 + r.nextInt(4);
    List<Object> variations = arr();
    for (int i = 0; i < n; i++) {
      variations.add(r.nextInt(10) == 0 ? v.anyValue(2) : (Object) ("v" + i));
    }
    f.put("variations", variations);
    f.put("on", r.nextInt(8) != 0);
    saltInto(f);
    if (r.nextInt(4) != 0) {
      f.put("offVariation", (long) variationIndex(n));
    }
    if (r.nextInt(4) == 0) {
      List<Object> prereqs = arr();
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        String pk = r.nextInt(12) == 0 ? "missing-flag"
            // mostly later flags (chains); sometimes earlier ones or itself (cycles)
            : r.nextInt(4) == 0 ? flagKeys.get(r.nextInt(flagKeys.size()))
            : flagKeys.get(Math.min(flagKeys.size() - 1, index + 1 + r.nextInt(3)));
        prereqs.add(obj("key", pk, "variation", (long) (r.nextInt(5) == 0 ? n : r.nextInt(3))));
      }
      f.put("prerequisites", prereqs);
    }
    if (r.nextInt(3) == 0) {
      f.put("targets", targets(n, false));
    }
    if (r.nextInt(3) == 0) {
      f.put("contextTargets", targets(n, true));
    }
    List<Object> rules = arr();
    for (int i = r.nextInt(5); i > 0; i--) {
      Map<String, Object> rule = obj();
      if (r.nextInt(4) != 0) {
        rule.put("id", "rule-" + r.nextInt(1000));
      }
      rule.put("clauses", clauses(segmentKeys));
      outcomeInto(rule, n);
      if (r.nextInt(10) == 0) {
        rule.put("trackEvents", true);
      }
      rules.add(nullsForAbsent(rule, RULE_OPTIONAL));
    }
    if (!rules.isEmpty() || r.nextBoolean()) {
      f.put("rules", rules);
    }
    if (r.nextInt(30) != 0) {
      Map<String, Object> fallthrough = obj();
      outcomeInto(fallthrough, n);
      f.put("fallthrough", fallthrough);
    }
    return f;
  }

  private int variationIndex(int n) {
    int roll = r.nextInt(20);
    return roll == 0 ? -1 : roll == 1 ? n : r.nextInt(n);
  }

  private void saltInto(Map<String, Object> item) {
    int roll = r.nextInt(6);
    if (roll == 0) {
      return; // missing: the known difference, compared against the reference with ""
    }
    item.put("salt", roll == 1 ? "" : roll == 2 ? "ключ" : "salt" + r.nextInt(100));
  }

  private List<Object> targets(int n, boolean contextTargets) {
    List<Object> out = arr();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      Map<String, Object> t = obj();
      if (contextTargets && r.nextInt(5) != 0) {
        t.put("contextKind", r.nextInt(8) == 0 ? "" : v.pick(KINDS));
      }
      t.put("variation", (long) variationIndex(n));
      List<Object> values = arr();
      // a user placeholder in contextTargets often has no values
      for (int k = contextTargets && r.nextBoolean() ? 0 : 1 + r.nextInt(3); k > 0; k--) {
        values.add(v.pick(KEYS));
      }
      t.put("values", values);
      out.add(t);
    }
    return out;
  }

  private void outcomeInto(Map<String, Object> o, int n) {
    int roll = r.nextInt(40);
    if (roll == 0) {
      return; // neither variation nor rollout: malformed when reached
    }
    if (roll < 16 || roll == 39) {
      o.put("variation", (long) variationIndex(n));
    }
    if (roll >= 16) {
      o.put("rollout", rollout(n));
    }
  }

  private Map<String, Object> rollout(int n) {
    Map<String, Object> ro = obj();
    int kindRoll = r.nextInt(10);
    if (kindRoll < 3) {
      ro.put("kind", kindRoll == 2 && r.nextInt(4) == 0 ? "other" : kindRoll == 0 ? "rollout" : "experiment");
    }
    if (r.nextInt(3) == 0) {
      ro.put("seed", seed());
    }
    if (r.nextInt(3) == 0) {
      ro.put("contextKind", r.nextInt(6) == 0 ? "" : v.pick(KINDS));
    }
    if (r.nextInt(2) == 0) {
      ro.put("bucketBy", bucketBy());
    }
    ro.put("variations", buckets(n));
    return ro;
  }

  private Object seed() {
    int roll = r.nextInt(6);
    return roll == 0 ? (Object) (long) Integer.MAX_VALUE : roll == 1 ? (Object) (long) Integer.MIN_VALUE
        : roll == 2 ? (Object) 0L : (Object) (long) (r.nextInt(2_000_001) - 1_000_000);
  }

  private String bucketBy() {
    int roll = r.nextInt(10);
    return roll == 0 ? v.pick(INVALID_REFS) : roll < 3 ? v.pick(PATHS) : v.pick(ATTRIBUTES);
  }

  private List<Object> buckets(int n) {
    int count = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(4);
    List<Object> out = arr();
    int style = r.nextInt(6);
    int left = 100_000;
    for (int i = 0; i < count; i++) {
      int w;
      switch (style) {
        case 0: // under 100,000
          w = r.nextInt(30_000);
          break;
        case 1: // over
          w = 20_000 + r.nextInt(60_000);
          break;
        case 2: // zero first buckets, the rest taking everything
          w = i == 0 || r.nextBoolean() ? 0 : (i == count - 1 ? left : r.nextInt(left + 1));
          break;
        case 3: // odd values: negative, huge, one
          w = r.nextInt(4) == 0 ? -r.nextInt(100_001) : r.nextInt(4) == 0 ? 1 : r.nextInt(200_000);
          break;
        default: // exactly 100,000
          w = i == count - 1 ? left : r.nextInt(left + 1);
      }
      left -= Math.max(0, Math.min(w, left));
      Map<String, Object> b = obj("variation", (long) variationIndex(n), "weight", (long) w);
      if (r.nextInt(5) == 0) {
        b.put("untracked", r.nextBoolean());
      }
      out.add(b);
    }
    return out;
  }

  // ---- clauses ----

  private List<Object> clauses(List<String> segmentKeys) {
    List<Object> out = arr();
    int count = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      out.add(clause(segmentKeys));
    }
    return out;
  }

  private Map<String, Object> clause(List<String> segmentKeys) {
    String op = r.nextInt(40) == 0 ? (r.nextBoolean() ? "bogusOp" : null) : v.pick(OPERATORS);
    Map<String, Object> c = obj();
    boolean withKind = r.nextInt(3) == 0;
    if (withKind) {
      c.put("contextKind", r.nextInt(8) == 0 ? "" : v.pick(KINDS));
    }
    if (!"segmentMatch".equals(op) || r.nextInt(4) == 0) {
      c.put("attribute", attribute(op, withKind));
    }
    if (op != null) {
      c.put("op", op);
    }
    c.put("values", clauseValues(op, segmentKeys));
    if (r.nextInt(4) == 0) {
      c.put("negate", true);
    }
    return c;
  }

  private String attribute(String op, boolean withKind) {
    int roll = r.nextInt(30);
    if (roll == 0) {
      return v.pick(INVALID_REFS);
    }
    if (roll < 3 && withKind) {
      return v.pick(PATHS);
    }
    if (roll < 5) {
      return v.pick(new String[] {"key", "kind", "name", "anonymous"});
    }
    if (op == null) {
      return v.pick(ATTRIBUTES);
    }
    // the attribute the operator's typical values live in, or any
    switch (op) {
      case "before":
      case "after":
        return r.nextBoolean() ? "when" : v.pick(ATTRIBUTES);
      case "semVerEqual":
      case "semVerLessThan":
      case "semVerGreaterThan":
        return r.nextBoolean() ? "version" : v.pick(ATTRIBUTES);
      case "lessThan":
      case "lessThanOrEqual":
      case "greaterThan":
      case "greaterThanOrEqual":
        return r.nextBoolean() ? "n" : v.pick(ATTRIBUTES);
      default:
        return v.pick(ATTRIBUTES);
    }
  }

  private List<Object> clauseValues(String op, List<String> segmentKeys) {
    List<Object> out = arr();
    int count = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      // the reference fails to load a data set whose segmentMatch values are not all strings
      boolean malformed = r.nextInt(12) == 0 && !"segmentMatch".equals(op);
      out.add(malformed ? v.anyScalar() : operand(op, segmentKeys));
    }
    return out;
  }

  private Object operand(String op, List<String> segmentKeys) {
    if (op == null) {
      return v.anyScalar();
    }
    switch (op) {
      case "in":
        return r.nextInt(6) == 0 ? v.anyValue(2) : r.nextBoolean() ? v.pick(KEYS) : v.anyScalar();
      case "startsWith":
      case "endsWith":
      case "contains": {
        String s = r.nextBoolean() ? v.pick(KEYS) : v.pick(STRINGS);
        if (s.isEmpty() || r.nextBoolean()) {
          return s;
        }
        int a = r.nextInt(s.length());
        return s.substring(op.equals("endsWith") ? a : 0, op.equals("endsWith") ? s.length() : a + 1);
      }
      case "matches":
        return v.pick(REGEXES);
      case "lessThan":
      case "lessThanOrEqual":
      case "greaterThan":
      case "greaterThanOrEqual":
        return v.pick(NUMBERS);
      case "before":
      case "after":
        return r.nextInt(4) == 0 ? v.pick(NUMBERS) : v.date();
      case "semVerEqual":
      case "semVerLessThan":
      case "semVerGreaterThan":
        return v.version();
      case "segmentMatch":
        return r.nextInt(10) == 0 || segmentKeys.isEmpty() ? "missing-segment" : v.pick(segmentKeys);
      default:
        return v.anyScalar();
    }
  }

  // ---- segments ----

  private Map<String, Object> segment(String key, List<String> segmentKeys) {
    Map<String, Object> s = obj("key", key, "version", 1L);
    saltInto(s);
    if (r.nextInt(3) == 0) {
      s.put("included", v.keys());
    }
    if (r.nextInt(3) == 0) {
      s.put("excluded", v.keys());
    }
    if (r.nextInt(4) == 0) {
      s.put("includedContexts", segmentTargets());
    }
    if (r.nextInt(4) == 0) {
      s.put("excludedContexts", segmentTargets());
    }
    List<Object> rules = arr();
    for (int i = r.nextInt(4); i > 0; i--) {
      Map<String, Object> rule = obj("clauses", clauses(segmentKeys));
      if (r.nextInt(4) != 0) {
        rule.put("id", "srule-" + r.nextInt(1000));
      }
      if (r.nextBoolean()) {
        int roll = r.nextInt(8);
        rule.put("weight", (long) (roll == 0 ? 0 : roll == 1 ? 100_000 : roll == 2
            ? -r.nextInt(100_001) : roll == 3 ? 100_000 + r.nextInt(100_000) : r.nextInt(100_000)));
        if (r.nextInt(3) == 0) {
          rule.put("rolloutContextKind", r.nextInt(6) == 0 ? "" : v.pick(KINDS));
        }
        if (r.nextInt(3) == 0) {
          rule.put("bucketBy", bucketBy());
        }
      }
      rules.add(rule);
    }
    if (!rules.isEmpty()) {
      s.put("rules", rules);
    }
    return s;
  }

  private List<Object> segmentTargets() {
    List<Object> out = arr();
    for (int i = 1 + r.nextInt(2); i > 0; i--) {
      Map<String, Object> t = obj();
      if (r.nextInt(5) != 0) {
        t.put("contextKind", r.nextInt(8) == 0 ? "" : v.pick(KINDS));
      }
      t.put("values", v.keys());
      out.add(t);
    }
    return out;
  }

}
