package io.avsb.differential;

import static io.avsb.differential.Json.arr;
import static io.avsb.differential.Json.obj;

import io.avsb.differential.Json.Raw;
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
  static final String[] OPERATORS = {
    "in", "startsWith", "endsWith", "contains", "matches", "lessThan", "lessThanOrEqual",
    "greaterThan", "greaterThanOrEqual", "before", "after", "semVerEqual", "semVerLessThan",
    "semVerGreaterThan", "segmentMatch",
  };
  private static final String[] KINDS = {"user", "user", "org", "device", "Team_1.x"};
  private static final String[] KEYS = {
    "k0", "k1", "k2", "k3", "ключ", "🙂", "a:b%c", "k0 ", "K0", "0", "1.5",
  };
  private static final String[] ATTRIBUTES = {
    "a", "b", "tier", "email", "country", "version", "when", "n", "arr", "obj", "name", "key",
    "anonymous", "kind", "/slash", "~tilde", "with space", "ключ", "_meta", "custom",
  };
  private static final String[] PATHS = {
    "/obj/x", "/obj/y/z", "/obj", "/arr", "/a", "/~1slash", "/~0tilde", "/key", "/kind", "/name",
    "/obj/x/y", "/ключ", "/n",
  };
  private static final String[] INVALID_REFS = {"/", "/a//b", "/a~2b", "/obj/", "", "/~"};
  private static final String[] STRINGS = {
    "", "a", "abc", "abcdef", "ABC", "xyz", "ключ", "🙂x", "tier-1", "gold", "silver", "1", "2.5",
    "true", "null", "a\u0000b", "k0", "K0", "é", "e\u0301", "\ud83d", "org", "user",
  };
  private static final String[] VERSIONS = {
    "1.2.3", "1.2.3-01", "1.2.3-rc.1", "1.2.3-rc.01", "1.2.3-rc.10", "1.2.3-rc.2", "1.2", "1",
    "01.2.3", "1.02.3", "2147483647.0.0", "2147483648.0.0", "99999999999.0.0", "1.2.3-a..b",
    "1.2.3-.", "1.2.3-a.", "1.2.3+build", "1.2.3-rc+b.1", "1.2.3-", "1.2.3+", "v1.2.3",
    "1.2.3.4", "1.2.3-x-y", "1.2.3--1", "1.2.3-2147483648", "1.2.3-2147483647", "1.2.3-00",
    "1.2.3-0", "1.2.3-alpha.beta", "1.2.3-Alpha", "0.0.0", "1.2.3-+", " 1.2.3", "1.2.3-a.-1",
    "1.2.3-a.-2", "1.2.3-a.1.", "1.2.3-..", "1.2.4", "2.0.0", "1.10.0", "1.2.3-a", "1.2.3-b",
    "1.2.3+a..b", "1.2.3-a.b.c", "1.2.3-a.b", "1.2.3-1.a", "1.2.3-1",
  };
  private static final String[] DATES = {
    "2021-07-01T00:00:00Z", "2021-07-01T00:00Z", "2021-07-01T00:00:00.Z",
    "2021-07-01T00:00:00.123456789Z", "2021-07-01T00:00:00.1234567891Z", "2021-07-01t00:00:00z",
    "2021-07-01T01:00:00+01", "2021-07-01T01:00:30+01:00:30", "2021-07-01T01:00:00+0100",
    "2021-07-01T01:00+01:00[Europe/London]", "2021-07-01T00:00Z[UTC]", "2021-07-01T00:00Z[Zulu]",
    "2021-07-01T00:00Z[EST]", "2021-07-01T00:00Z[europe/london]", "2021-07-01T00:00Z[GMT0]",
    "2021-07-01T00:00Z[UTC+01:00]", "2021-07-01T00:00Z[+01:00]", "2021-07-01T00:00Z[+01]",
    "2021-07-01T00:00Z[Z]", "2021-07-01T00:00Z[GMT+0]", "2021-07-01T00:00Z[Etc/GMT+5]",
    "2021-07-01", "2021-07-01T00:00:00", "1625097600000", "+12021-07-01T00:00Z",
    "-2021-07-01T00:00Z", "+2021-07-01T00:00Z", "-0000-07-01T00:00Z", "2021-02-29T00:00:00Z",
    "2020-02-29T00:00:00Z", "2021-07-01T24:00Z", "2021-07-01T23:59:60Z", "2021-07-01T00:00+18:00",
    "2021-07-01T00:00+19:00", "2021-07-01T00:00-18:00:01", "2021-07-01T00:00+24:00",
    "2021-07-01T00:00:00.000000000+00:00", "2021-07-01T00:00:00-00:00", "2021-07-01 00:00:00Z",
    "2021-07-01T00:00Z ", "2021-06-30T23:59:59.999Z", "2021-07-01T00:00:00.001Z",
    "1970-01-01T00:00:00Z", "2030-01-01T00:00:00-07:00", "2021-07-01T00:00Z[UT]",
    "2021-07-01T00:00Z[UTC0]", "2021-07-01T00:00Z[]", "2021-07-01T00:00Z[Europe/London",
    "2021-07-01T00:00Z[SystemV/EST5]", "2021-07-01T00:00Z[GMT+01:00:30]", "2021-07-01T00:00Z[-18:00]",
    "2021-07-01T00:00Z[UTC+19:00]", "2021-07-01T00:00Z[UTCZ]", "2021-07-01T00:00z[UTC]",
    "2021-07-01T00:00Z[utc]", "+999999999-12-31T23:59:59Z", "+1000000000-01-01T00:00Z",
    "2021-07-01T00:00:00,5Z", "2021-07-01T00:00.5Z", "2021-7-01T00:00Z", "20210701T000000Z",
  };
  private static final Object[] NUMBERS = {
    0L, 1L, -1L, 2L, 1.5, 100L, new Raw("1e3"), 2147483647L, 2147483648L, -2147483648L,
    -2147483649L, 5000227792L, 1625097600000L, 1.0e20, 0.1, new Raw("-0"), new Raw("1.0"), 42L,
    new Raw("99999.99999"), 99999L, 1e-7, -0.5,
  };
  private static final String[] REGEXES = {
    "^a", "b$", "[0-9]+", ".*", "ключ", "(", "[", "a{2,}", "^$", "\\d", "^k[0-3]$", "(?i)abc",
    "\\p{L}+", "x|y", "🙂",
  };

  private static final String[] FLAG_OPTIONAL = {
    "salt", "offVariation", "prerequisites", "targets", "contextTargets", "rules", "fallthrough",
  };
  private static final String[] SEGMENT_OPTIONAL = {
    "salt", "included", "excluded", "includedContexts", "excludedContexts", "rules",
  };
  private static final String[] RULE_OPTIONAL = {"id", "variation", "rollout"};

  private final Random r;

  Generator(long seed) {
    this.r = new Random(seed);
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
    List<Object> contexts = new ArrayList<>();
    for (int i = 0; i < contextCount; i++) {
      contexts.add(context());
    }
    return new World(flags, segments, contexts);
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
      variations.add(r.nextInt(10) == 0 ? anyValue(2) : (Object) ("v" + i));
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
        t.put("contextKind", r.nextInt(8) == 0 ? "" : pick(KINDS));
      }
      t.put("variation", (long) variationIndex(n));
      List<Object> values = arr();
      // a user placeholder in contextTargets often has no values
      for (int k = contextTargets && r.nextBoolean() ? 0 : 1 + r.nextInt(3); k > 0; k--) {
        values.add(pick(KEYS));
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
      ro.put("contextKind", r.nextInt(6) == 0 ? "" : pick(KINDS));
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
    return roll == 0 ? pick(INVALID_REFS) : roll < 3 ? pick(PATHS) : pick(ATTRIBUTES);
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
    String op = r.nextInt(40) == 0 ? (r.nextBoolean() ? "bogusOp" : null) : pick(OPERATORS);
    Map<String, Object> c = obj();
    boolean withKind = r.nextInt(3) == 0;
    if (withKind) {
      c.put("contextKind", r.nextInt(8) == 0 ? "" : pick(KINDS));
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
      return pick(INVALID_REFS);
    }
    if (roll < 3 && withKind) {
      return pick(PATHS);
    }
    if (roll < 5) {
      return pick(new String[] {"key", "kind", "name", "anonymous"});
    }
    if (op == null) {
      return pick(ATTRIBUTES);
    }
    // the attribute the operator's typical values live in, or any
    switch (op) {
      case "before":
      case "after":
        return r.nextBoolean() ? "when" : pick(ATTRIBUTES);
      case "semVerEqual":
      case "semVerLessThan":
      case "semVerGreaterThan":
        return r.nextBoolean() ? "version" : pick(ATTRIBUTES);
      case "lessThan":
      case "lessThanOrEqual":
      case "greaterThan":
      case "greaterThanOrEqual":
        return r.nextBoolean() ? "n" : pick(ATTRIBUTES);
      default:
        return pick(ATTRIBUTES);
    }
  }

  private List<Object> clauseValues(String op, List<String> segmentKeys) {
    List<Object> out = arr();
    int count = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      // the reference fails to load a data set whose segmentMatch values are not all strings
      boolean malformed = r.nextInt(12) == 0 && !"segmentMatch".equals(op);
      out.add(malformed ? anyScalar() : operand(op, segmentKeys));
    }
    return out;
  }

  private Object operand(String op, List<String> segmentKeys) {
    if (op == null) {
      return anyScalar();
    }
    switch (op) {
      case "in":
        return r.nextInt(6) == 0 ? anyValue(2) : r.nextBoolean() ? pick(KEYS) : anyScalar();
      case "startsWith":
      case "endsWith":
      case "contains": {
        String s = r.nextBoolean() ? pick(KEYS) : pick(STRINGS);
        if (s.isEmpty() || r.nextBoolean()) {
          return s;
        }
        int a = r.nextInt(s.length());
        return s.substring(op.equals("endsWith") ? a : 0, op.equals("endsWith") ? s.length() : a + 1);
      }
      case "matches":
        return pick(REGEXES);
      case "lessThan":
      case "lessThanOrEqual":
      case "greaterThan":
      case "greaterThanOrEqual":
        return pick(NUMBERS);
      case "before":
      case "after":
        return r.nextInt(4) == 0 ? pick(NUMBERS) : date();
      case "semVerEqual":
      case "semVerLessThan":
      case "semVerGreaterThan":
        return version();
      case "segmentMatch":
        return r.nextInt(10) == 0 || segmentKeys.isEmpty() ? "missing-segment" : pick(segmentKeys);
      default:
        return anyScalar();
    }
  }

  // ---- segments ----

  private Map<String, Object> segment(String key, List<String> segmentKeys) {
    Map<String, Object> s = obj("key", key, "version", 1L);
    saltInto(s);
    if (r.nextInt(3) == 0) {
      s.put("included", keys());
    }
    if (r.nextInt(3) == 0) {
      s.put("excluded", keys());
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
          rule.put("rolloutContextKind", r.nextInt(6) == 0 ? "" : pick(KINDS));
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

  private List<Object> keys() {
    List<Object> out = arr();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      out.add(pick(KEYS));
    }
    return out;
  }

  private List<Object> segmentTargets() {
    List<Object> out = arr();
    for (int i = 1 + r.nextInt(2); i > 0; i--) {
      Map<String, Object> t = obj();
      if (r.nextInt(5) != 0) {
        t.put("contextKind", r.nextInt(8) == 0 ? "" : pick(KINDS));
      }
      t.put("values", keys());
      out.add(t);
    }
    return out;
  }

  // ---- contexts ----

  private Object context() {
    int roll = r.nextInt(20);
    if (roll == 0) {
      return oldUser();
    }
    if (roll < 6) {
      Map<String, Object> multi = obj("kind", "multi");
      List<String> kinds = new ArrayList<>(List.of("user", "org", "device", "Team_1.x"));
      // mostly two or three kinds; sometimes one, or none (invalid)
      int count = r.nextInt(15) == 0 ? r.nextInt(2) : 2 + r.nextInt(2);
      for (int i = count; i > 0 && !kinds.isEmpty(); i--) {
        String kind = kinds.remove(r.nextInt(kinds.size()));
        Map<String, Object> single = single(kind);
        single.remove("kind");
        multi.put(kind, single);
      }
      return multi;
    }
    return single(r.nextInt(4) == 0 ? pick(KINDS) : "user");
  }

  private Map<String, Object> single(String kind) {
    Map<String, Object> c = obj("kind", kind, "key", r.nextInt(40) == 0 ? "" : pick(KEYS));
    if (r.nextInt(50) == 0) {
      c.put("kind", r.nextBoolean() ? "kind" : "bad kind");
    }
    if (r.nextInt(4) == 0) {
      c.put("name", r.nextInt(20) == 0 ? (Object) 5L : pick(STRINGS));
    }
    if (r.nextInt(6) == 0) {
      c.put("anonymous", r.nextInt(30) == 0 ? (Object) "yes" : (Object) r.nextBoolean());
    }
    if (r.nextInt(10) == 0) {
      c.put("_meta", obj("privateAttributes", arr(pick(ATTRIBUTES))));
    }
    for (int i = r.nextInt(7); i > 0; i--) {
      String attr = pick(ATTRIBUTES);
      if (attr.equals("kind") || attr.equals("key") || attr.equals("name")
          || attr.equals("anonymous") || attr.equals("_meta")) {
        continue;
      }
      c.put(attr, attributeValue(attr));
    }
    return c;
  }

  private Map<String, Object> oldUser() {
    Map<String, Object> u = obj("key", r.nextInt(10) == 0 ? "" : pick(KEYS));
    if (r.nextBoolean()) {
      u.put("name", pick(STRINGS));
    }
    if (r.nextBoolean()) {
      u.put("email", pick(STRINGS));
    }
    if (r.nextBoolean()) {
      u.put("country", pick(STRINGS));
    }
    if (r.nextInt(4) == 0) {
      u.put("anonymous", r.nextBoolean());
    }
    Map<String, Object> custom = obj();
    for (int i = r.nextInt(4); i > 0; i--) {
      String attr = pick(new String[] {"tier", "version", "when", "n", "arr", "obj", "a"});
      custom.put(attr, attributeValue(attr));
    }
    if (!custom.isEmpty()) {
      u.put("custom", custom);
    }
    return u;
  }

  private Object attributeValue(String attr) {
    if (r.nextInt(5) == 0) {
      return anyValue(2);
    }
    switch (attr) {
      case "when":
        return r.nextInt(3) == 0 ? pick(NUMBERS) : date();
      case "version":
        return version();
      case "n":
        return pick(NUMBERS);
      case "arr": {
        List<Object> a = arr();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(r.nextInt(4) == 0 ? anyValue(1) : r.nextBoolean() ? pick(KEYS) : anyScalar());
        }
        return a;
      }
      case "obj":
        return obj("x", anyScalar(), "y", obj("z", anyScalar()));
      default:
        return r.nextBoolean() ? pick(KEYS) : anyScalar();
    }
  }

  // ---- values ----

  private Object anyScalar() {
    switch (r.nextInt(9)) {
      case 0:
        return null;
      case 1:
        return r.nextBoolean();
      case 2:
      case 3:
        return pick(NUMBERS);
      case 4:
        return version();
      case 5:
        return date();
      default:
        return pick(STRINGS);
    }
  }

  private Object anyValue(int depth) {
    int roll = depth == 0 ? 9 : r.nextInt(12);
    if (roll == 0) {
      List<Object> a = arr();
      for (int i = r.nextInt(3); i > 0; i--) {
        a.add(anyValue(depth - 1));
      }
      return a;
    }
    if (roll == 1) {
      Map<String, Object> o = obj();
      for (int i = r.nextInt(3); i > 0; i--) {
        o.put(pick(new String[] {"x", "y", "z"}), anyValue(depth - 1));
      }
      return o;
    }
    return anyScalar();
  }

  /** A version from the pool, sometimes with a random edit. */
  private String version() {
    String v = pick(VERSIONS);
    return r.nextInt(4) == 0 ? mutate(v, "0123456789.-+aZ") : v;
  }

  /** A date from the pool, sometimes with a random edit. */
  private String date() {
    String d = pick(DATES);
    return r.nextInt(4) == 0 ? mutate(d, "0123456789+-:.TtZz[]/ UTCGMEurope/London") : d;
  }

  private String mutate(String s, String alphabet) {
    StringBuilder sb = new StringBuilder(s);
    for (int edits = 1 + r.nextInt(2); edits > 0; edits--) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      char c = alphabet.charAt(r.nextInt(alphabet.length()));
      int kind = sb.length() == 0 ? 0 : r.nextInt(3);
      if (kind == 0) {
        sb.insert(at, c);
      } else if (kind == 1) {
        sb.deleteCharAt(at);
      } else {
        sb.setCharAt(at, c);
      }
    }
    return sb.toString();
  }

  private <T> T pick(T[] values) {
    return values[r.nextInt(values.length)];
  }

  private String pick(List<String> values) {
    return values.get(r.nextInt(values.size()));
  }
}
