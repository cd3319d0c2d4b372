package io.avsb.testkit;

import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Describes one segment for {@link TestData}: contexts included or excluded by key, and rules that
 * include contexts by their attributes. Flags refer to it with {@link FlagBuilder#ifInSegment}. Get
 * one from {@link TestData#segment(String)} and pass it to {@link
 * TestData#updateSegment(SegmentBuilder)}. Mutable and not thread-safe; {@link #copy()} gives an
 * independent one.
 */
public final class SegmentBuilder {
  private final String key;
  private final Map<String, Set<String>> included = new LinkedHashMap<>();
  private final Map<String, Set<String>> excluded = new LinkedHashMap<>();
  private final List<List<Clause>> rules = new ArrayList<>();
  private String salt;

  SegmentBuilder(String key) {
    this.key = FlagBuilder.requireKey(key, "key");
  }

  private SegmentBuilder(SegmentBuilder from) {
    this.key = from.key;
    from.included.forEach((kind, keys) -> included.put(kind, new LinkedHashSet<>(keys)));
    from.excluded.forEach((kind, keys) -> excluded.put(kind, new LinkedHashSet<>(keys)));
    this.rules.addAll(from.rules);
    this.salt = from.salt;
  }

  /** The segment's key. */
  public String key() {
    return key;
  }

  /** An independent copy of this builder. */
  public SegmentBuilder copy() {
    return new SegmentBuilder(this);
  }

  /** Includes the {@code user} contexts with these keys. */
  public SegmentBuilder included(String... userKeys) {
    return includedContexts("user", userKeys);
  }

  /** Excludes the {@code user} contexts with these keys (exclusion beats the rules). */
  public SegmentBuilder excluded(String... userKeys) {
    return excludedContexts("user", userKeys);
  }

  /** Includes the contexts of {@code kind} with these keys. */
  public SegmentBuilder includedContexts(String kind, String... keys) {
    add(included, excluded, kind, keys);
    return this;
  }

  /** Excludes the contexts of {@code kind} with these keys. */
  public SegmentBuilder excludedContexts(String kind, String... keys) {
    add(excluded, included, kind, keys);
    return this;
  }

  /** Adds a rule including every context for which all {@code clauses} hold. */
  public SegmentBuilder rule(Clause... clauses) {
    Objects.requireNonNull(clauses, "clauses");
    if (clauses.length == 0) {
      throw new IllegalArgumentException("clauses must hold at least one clause");
    }
    rules.add(List.of(clauses));
    return this;
  }

  /** Removes every rule. */
  public SegmentBuilder clearRules() {
    rules.clear();
    return this;
  }

  /** The salt (default: the segment key). */
  public SegmentBuilder salt(String salt) {
    this.salt = Objects.requireNonNull(salt, "salt");
    return this;
  }

  private static void add(Map<String, Set<String>> to, Map<String, Set<String>> from, String kind,
      String... keys) {
    FlagBuilder.requireKey(kind, "kind");
    Objects.requireNonNull(keys, "keys");
    for (String k : keys) {
      FlagBuilder.requireKey(k, "keys element");
      to.computeIfAbsent(kind, x -> new LinkedHashSet<>()).add(k);
      Set<String> other = from.get(kind);
      if (other != null) {
        other.remove(k);
      }
    }
  }

  /** The segment in the A vs B flag model, with {@code version}. */
  AvsbValue toJson(int version) {
    Map<String, AvsbValue> json = new LinkedHashMap<>();
    json.put("key", AvsbValue.of(key));
    json.put("version", AvsbValue.of(version));
    json.put("included", AvsbValue.fromJava(included.getOrDefault("user", Set.of())));
    json.put("excluded", AvsbValue.fromJava(excluded.getOrDefault("user", Set.of())));
    json.put("includedContexts", contextsJson(included));
    json.put("excludedContexts", contextsJson(excluded));
    List<AvsbValue> ruleJson = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      List<AvsbValue> clauses = new ArrayList<>();
      for (Clause c : rules.get(i)) {
        clauses.add(c.toJson());
      }
      Map<String, AvsbValue> rule = new LinkedHashMap<>();
      rule.put("id", AvsbValue.of("rule" + i));
      rule.put("clauses", new AvsbValue.Arr(clauses));
      ruleJson.add(new AvsbValue.Obj(rule));
    }
    json.put("rules", new AvsbValue.Arr(ruleJson));
    json.put("salt", AvsbValue.of(salt != null ? salt : key));
    json.put("deleted", AvsbValue.FALSE);
    return new AvsbValue.Obj(json);
  }

  private static AvsbValue contextsJson(Map<String, Set<String>> byKind) {
    List<AvsbValue> out = new ArrayList<>();
    byKind.forEach((kind, keys) -> {
      if (!kind.equals("user") && !keys.isEmpty()) {
        Map<String, AvsbValue> entry = new LinkedHashMap<>();
        entry.put("contextKind", AvsbValue.of(kind));
        entry.put("values", AvsbValue.fromJava(keys));
        out.add(new AvsbValue.Obj(entry));
      }
    });
    return new AvsbValue.Arr(out);
  }
}
