package io.avsb.testkit;

import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Describes one flag for {@link TestData}: its variations, whether it is on, who is targeted, its
 * rules and its fallthrough. Get one from {@link TestData#flag(String)}, change it, and pass it to
 * {@link TestData#update(FlagBuilder)}; the builder becomes a flag in the A vs B flag model.
 *
 * <p>A new builder describes a boolean flag that is on and gives {@code true} to everyone (off, it
 * gives {@code false}). Boolean flags have the variations {@code [true, false]}; the methods taking
 * a {@code boolean} turn the flag into a boolean flag first. Variation indexes are not checked
 * against the variations, so that a test can build a malformed flag on purpose. Builders are
 * mutable and not thread-safe; {@link #copy()} gives an independent one.
 */
public final class FlagBuilder {
  private static final List<AvsbValue> BOOLEAN_VARIATIONS = List.of(AvsbValue.TRUE, AvsbValue.FALSE);

  private final String key;
  private boolean on = true;
  private List<AvsbValue> variations = new ArrayList<>();
  private Integer offVariation;
  private int fallthroughVariation;
  private Rollout fallthroughRollout;
  private final Map<String, TreeMap<Integer, Set<String>>> targets = new LinkedHashMap<>();
  private final List<FlagRule> rules = new ArrayList<>();
  private final Map<String, Integer> prerequisites = new LinkedHashMap<>();
  private String salt;
  private boolean trackEvents;
  private boolean trackEventsFallthrough;
  private boolean clientSide = true;

  FlagBuilder(String key) {
    this.key = requireKey(key, "key");
  }

  private FlagBuilder(FlagBuilder from) {
    this.key = from.key;
    this.on = from.on;
    this.variations = new ArrayList<>(from.variations);
    this.offVariation = from.offVariation;
    this.fallthroughVariation = from.fallthroughVariation;
    this.fallthroughRollout = from.fallthroughRollout;
    from.targets.forEach((kind, byVariation) -> {
      TreeMap<Integer, Set<String>> copy = new TreeMap<>();
      byVariation.forEach((v, keys) -> copy.put(v, new LinkedHashSet<>(keys)));
      targets.put(kind, copy);
    });
    this.rules.addAll(from.rules);
    this.prerequisites.putAll(from.prerequisites);
    this.salt = from.salt;
    this.trackEvents = from.trackEvents;
    this.trackEventsFallthrough = from.trackEventsFallthrough;
    this.clientSide = from.clientSide;
  }

  /** The flag's key. */
  public String key() {
    return key;
  }

  /** An independent copy of this builder. */
  public FlagBuilder copy() {
    return new FlagBuilder(this);
  }

  /**
   * Makes this a boolean flag: variations {@code [true, false]}, fallthrough {@code true}, off
   * variation {@code false}. Does nothing if the variations already are {@code [true, false]}.
   */
  public FlagBuilder booleanFlag() {
    if (isBooleanFlag()) {
      return this;
    }
    variations = new ArrayList<>(BOOLEAN_VARIATIONS);
    fallthroughVariation = booleanIndex(true);
    fallthroughRollout = null;
    offVariation = booleanIndex(false);
    return this;
  }

  /**
   * Replaces the variations with {@code values}: plain Java values ({@code String}, numbers,
   * booleans, maps, lists) or {@link AvsbValue}s. Indexes already in use keep their meaning.
   */
  public FlagBuilder variations(Object... values) {
    variations = new ArrayList<>(Clause.toValues(values));
    return this;
  }

  /** Replaces the variations with {@code values}, as {@link #variations(Object...)}. */
  public FlagBuilder variations(List<?> values) {
    return variations(Objects.requireNonNull(values, "values").toArray());
  }

  /** Turns the flag on (targets, rules and fallthrough apply) or off (the off variation applies). */
  public FlagBuilder on(boolean on) {
    this.on = on;
    return this;
  }

  /** The variation served when the flag is off. */
  public FlagBuilder offVariation(int variation) {
    offVariation = requireIndex(variation, "variation");
    return this;
  }

  /** The value served when the flag is off; the flag becomes a boolean flag. */
  public FlagBuilder offVariation(boolean value) {
    return booleanFlag().offVariation(booleanIndex(value));
  }

  /** The value served when the flag is off, added to the variations if new. */
  public FlagBuilder offVariation(AvsbValue value) {
    return offVariation(indexOfOrAdd(value));
  }

  /** No off variation: an off flag gives the caller's default. */
  public FlagBuilder noOffVariation() {
    offVariation = null;
    return this;
  }

  /** The variation served when the flag is on and no target or rule matches. */
  public FlagBuilder fallthroughVariation(int variation) {
    fallthroughVariation = requireIndex(variation, "variation");
    fallthroughRollout = null;
    return this;
  }

  /** The fallthrough value; the flag becomes a boolean flag. */
  public FlagBuilder fallthroughVariation(boolean value) {
    return booleanFlag().fallthroughVariation(booleanIndex(value));
  }

  /** The fallthrough value, added to the variations if new. */
  public FlagBuilder fallthroughVariation(AvsbValue value) {
    return fallthroughVariation(indexOfOrAdd(value));
  }

  /** Splits the contexts that reach the fallthrough by {@code rollout}. */
  public FlagBuilder fallthroughRollout(Rollout rollout) {
    fallthroughRollout = Objects.requireNonNull(rollout, "rollout");
    return this;
  }

  /** The fallthrough as {@link Rollout#of(WeightedVariation...)}{@code (buckets)}. */
  public FlagBuilder fallthroughRollout(WeightedVariation... buckets) {
    return fallthroughRollout(Rollout.of(buckets));
  }

  /** The fallthrough as {@link Rollout#percentages(int...)}{@code (weights)}. */
  public FlagBuilder fallthroughPercentages(int... weights) {
    return fallthroughRollout(Rollout.percentages(weights));
  }

  /** Serves {@code variation} to everyone: turns the flag on, clears targets and rules. */
  public FlagBuilder variationForAll(int variation) {
    return on(true).clearRules().clearTargets().fallthroughVariation(variation);
  }

  /** Serves {@code value} to everyone (see {@link #variationForAll(int)}); a boolean flag. */
  public FlagBuilder variationForAll(boolean value) {
    return booleanFlag().variationForAll(booleanIndex(value));
  }

  /**
   * Serves {@code value} to everyone: the variations become just {@code [value]}, the flag is on
   * with no targets or rules. {@code value} is a plain Java value or an {@link AvsbValue}.
   */
  public FlagBuilder valueForAll(Object value) {
    return variations(value).variationForAll(0);
  }

  /** Splits everyone by {@code rollout}: turns the flag on, clears targets and rules. */
  public FlagBuilder rolloutForAll(Rollout rollout) {
    return on(true).clearRules().clearTargets().fallthroughRollout(rollout);
  }

  /** Serves {@code variation} to the {@code user} context with key {@code userKey}. */
  public FlagBuilder variationForUser(String userKey, int variation) {
    return variationForKey("user", userKey, variation);
  }

  /** Serves {@code value} to the {@code user} with key {@code userKey}; a boolean flag. */
  public FlagBuilder variationForUser(String userKey, boolean value) {
    return variationForKey("user", userKey, value);
  }

  /** Serves {@code value} (added to the variations if new) to the {@code user} {@code userKey}. */
  public FlagBuilder variationForUser(String userKey, AvsbValue value) {
    return variationForKey("user", userKey, value);
  }

  /**
   * Serves {@code variation} to the context of kind {@code kind} with key {@code key}, replacing
   * any earlier target for that context.
   */
  public FlagBuilder variationForKey(String kind, String key, int variation) {
    requireKey(kind, "kind");
    requireKey(key, "key");
    requireIndex(variation, "variation");
    TreeMap<Integer, Set<String>> byVariation = targets.computeIfAbsent(kind, k -> new TreeMap<>());
    byVariation.values().forEach(keys -> keys.remove(key));
    byVariation.computeIfAbsent(variation, v -> new LinkedHashSet<>()).add(key);
    return this;
  }

  /** Serves {@code value} to the context {@code kind}/{@code key}; a boolean flag. */
  public FlagBuilder variationForKey(String kind, String key, boolean value) {
    return booleanFlag().variationForKey(kind, key, booleanIndex(value));
  }

  /** Serves {@code value} (added to the variations if new) to the context {@code kind}/{@code key}. */
  public FlagBuilder variationForKey(String kind, String key, AvsbValue value) {
    return variationForKey(kind, key, indexOfOrAdd(value));
  }

  /** Removes every individual target. */
  public FlagBuilder clearTargets() {
    targets.clear();
    return this;
  }

  /** Starts a rule matching {@code user} contexts whose {@code attribute} equals one of {@code values}. */
  public FlagRuleBuilder ifMatch(String attribute, Object... values) {
    return ifClause(Clause.matches(attribute, values));
  }

  /** Starts a rule matching {@code user} contexts whose {@code attribute} equals none of {@code values}. */
  public FlagRuleBuilder ifNotMatch(String attribute, Object... values) {
    return ifClause(Clause.matches(attribute, values).negated());
  }

  /** Starts a rule matching contexts of {@code kind} whose {@code attribute} equals one of {@code values}. */
  public FlagRuleBuilder ifMatchContext(String kind, String attribute, Object... values) {
    return ifClause(Clause.matchesContext(kind, attribute, values));
  }

  /** Starts a rule matching contexts of {@code kind} whose {@code attribute} equals none of {@code values}. */
  public FlagRuleBuilder ifNotMatchContext(String kind, String attribute, Object... values) {
    return ifClause(Clause.matchesContext(kind, attribute, values).negated());
  }

  /** Starts a rule matching contexts in one of the segments {@code segmentKeys}. */
  public FlagRuleBuilder ifInSegment(String... segmentKeys) {
    return ifClause(Clause.inSegment(segmentKeys));
  }

  /** Starts a rule with the condition {@code clause}. */
  public FlagRuleBuilder ifClause(Clause clause) {
    return new FlagRuleBuilder(this, Objects.requireNonNull(clause, "clause"));
  }

  /** Removes every rule. */
  public FlagBuilder clearRules() {
    rules.clear();
    return this;
  }

  /**
   * Requires flag {@code flagKey} to give variation {@code variation} before this flag's targets,
   * rules and fallthrough apply; otherwise the off variation is served.
   */
  public FlagBuilder prerequisite(String flagKey, int variation) {
    prerequisites.put(requireKey(flagKey, "flagKey"), requireIndex(variation, "variation"));
    return this;
  }

  /** Removes every prerequisite. */
  public FlagBuilder clearPrerequisites() {
    prerequisites.clear();
    return this;
  }

  /** The salt mixed into rollout hashes (default: the flag key). */
  public FlagBuilder salt(String salt) {
    this.salt = Objects.requireNonNull(salt, "salt");
    return this;
  }

  /** Whether every evaluation produces a full feature event (default false). */
  public FlagBuilder trackEvents(boolean trackEvents) {
    this.trackEvents = trackEvents;
    return this;
  }

  /** Whether fallthrough results produce full feature events (default false). */
  public FlagBuilder trackEventsFallthrough(boolean trackEventsFallthrough) {
    this.trackEventsFallthrough = trackEventsFallthrough;
    return this;
  }

  /** Whether front ends may see the flag through {@code allFlagsState} (default true). */
  public FlagBuilder clientSide(boolean clientSide) {
    this.clientSide = clientSide;
    return this;
  }

  FlagBuilder addRule(FlagRule rule) {
    rules.add(rule);
    return this;
  }

  int indexOfOrAdd(AvsbValue value) {
    AvsbValue v = value == null ? AvsbValue.NULL : value;
    int index = variations.indexOf(v);
    if (index < 0) {
      variations.add(v);
      index = variations.size() - 1;
    }
    return index;
  }

  private boolean isBooleanFlag() {
    return variations.equals(BOOLEAN_VARIATIONS);
  }

  static int booleanIndex(boolean value) {
    return value ? 0 : 1;
  }

  static int requireIndex(int variation, String name) {
    if (variation < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + variation);
    }
    return variation;
  }

  static String requireKey(String key, String name) {
    Objects.requireNonNull(key, name);
    if (key.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return key;
  }

  /** The flag in the A vs B flag model, with {@code version}. */
  AvsbValue toJson(int version) {
    Map<String, AvsbValue> json = new LinkedHashMap<>();
    json.put("key", AvsbValue.of(key));
    json.put("version", AvsbValue.of(version));
    json.put("on", AvsbValue.of(on));
    List<AvsbValue> prereqs = new ArrayList<>();
    prerequisites.forEach((k, v) -> prereqs.add(obj("key", AvsbValue.of(k), "variation", AvsbValue.of(v))));
    json.put("prerequisites", new AvsbValue.Arr(prereqs));
    json.put("salt", AvsbValue.of(salt != null ? salt : key));
    json.put("targets", userTargetsJson());
    json.put("contextTargets", contextTargetsJson());
    List<AvsbValue> ruleJson = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      ruleJson.add(rules.get(i).toJson(i));
    }
    json.put("rules", new AvsbValue.Arr(ruleJson));
    json.put("fallthrough", fallthroughRollout != null
        ? obj("rollout", fallthroughRollout.toJson())
        : obj("variation", AvsbValue.of(fallthroughVariation)));
    if (offVariation != null) {
      json.put("offVariation", AvsbValue.of(offVariation));
    }
    json.put("variations", new AvsbValue.Arr(variations));
    json.put("clientSideAvailability",
        obj("usingEnvironmentId", AvsbValue.of(clientSide), "usingMobileKey", AvsbValue.of(clientSide)));
    json.put("trackEvents", AvsbValue.of(trackEvents));
    json.put("trackEventsFallthrough", AvsbValue.of(trackEventsFallthrough));
    json.put("deleted", AvsbValue.FALSE);
    return new AvsbValue.Obj(json);
  }

  private AvsbValue userTargetsJson() {
    List<AvsbValue> out = new ArrayList<>();
    targets.getOrDefault("user", new TreeMap<>()).forEach((variation, keys) -> {
      if (!keys.isEmpty()) {
        out.add(target(null, variation, keys));
      }
    });
    return new AvsbValue.Arr(out);
  }

  // User keys stay in "targets"; a user entry without values in contextTargets marks where they
  // are checked among the other kinds, as the flag model specifies.
  private AvsbValue contextTargetsJson() {
    List<AvsbValue> out = new ArrayList<>();
    boolean otherKinds = targets.keySet().stream().anyMatch(k -> !k.equals("user"));
    if (!otherKinds) {
      return new AvsbValue.Arr(out);
    }
    targets.forEach((kind, byVariation) -> byVariation.forEach((variation, keys) -> {
      if (!keys.isEmpty()) {
        out.add(target(kind, variation, kind.equals("user") ? Set.of() : keys));
      }
    }));
    return new AvsbValue.Arr(out);
  }

  private static AvsbValue target(String kind, int variation, Set<String> keys) {
    Map<String, AvsbValue> json = new LinkedHashMap<>();
    if (kind != null) {
      json.put("contextKind", AvsbValue.of(kind));
    }
    json.put("variation", AvsbValue.of(variation));
    json.put("values", AvsbValue.fromJava(keys));
    return new AvsbValue.Obj(json);
  }

  private static AvsbValue obj(Object... namesAndValues) {
    Map<String, AvsbValue> json = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      json.put((String) namesAndValues[i], (AvsbValue) namesAndValues[i + 1]);
    }
    return new AvsbValue.Obj(json);
  }
}
