package io.avsb.internal.store;

import io.avsb.AttributeRef;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.internal.log.LogText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the JSON form of flags and segments into preprocessed model objects. Never throws: an
 * item whose JSON has the wrong types where the model needs them becomes a malformed item whose
 * {@code malformedError()} says why; other items are unaffected. The parser logs nothing: {@link
 * StoreUpdates} reports malformed items, one line per data set. Unknown properties are ignored, and
 * JSON {@code null} counts as absent. Problems that only matter on some evaluation paths (a
 * variation index out of range, an invalid attribute reference) are left for evaluation to report
 * when reached. Stateless and thread-safe.
 */
public final class FlagParser {
  private FlagParser() {}

  /** Parses flag {@code key}; a bad one gives a flag whose {@link Flag#malformedError()} is set. */
  public static Flag parseFlag(String key, AvsbValue json) {
    return parseFlag(key, json, null);
  }

  /**
   * Parses flag {@code key}; a non-null {@code problem} (the JSON could be read only in part) or a
   * bad flag gives a malformed flag at {@link #version}.
   */
  public static Flag parseFlag(String key, AvsbValue json, String problem) {
    return parseFlag(key, json, problem, null);
  }

  /** As {@link #parseFlag(String, AvsbValue, String)}, sharing equal parts through {@code shared} (may be null). */
  static Flag parseFlag(String key, AvsbValue json, String problem, Shared shared) {
    if (problem != null) {
      return Flag.malformed(key, version(json), problem);
    }
    try {
      return readFlag(key, object(json, "flag"), shared);
    } catch (BadItem | RuntimeException e) {
      return Flag.malformed(key, version(json), error(e));
    }
  }

  /** Parses segment {@code key}; a bad one gives a malformed segment. */
  public static Segment parseSegment(String key, AvsbValue json) {
    return parseSegment(key, json, null);
  }

  /** Parses segment {@code key}; as {@link #parseFlag(String, AvsbValue, String)} for segments. */
  public static Segment parseSegment(String key, AvsbValue json, String problem) {
    if (problem != null) {
      return Segment.malformed(key, version(json), problem);
    }
    try {
      return readSegment(key, object(json, "segment"));
    } catch (BadItem | RuntimeException e) {
      return Segment.malformed(key, version(json), error(e));
    }
  }

  private static String error(Exception e) {
    return e instanceof BadItem ? e.getMessage() : LogText.of(e.toString());
  }

  /**
   * The {@code version} of an item's JSON form: an integral number from -2^31 to 2^31-1, else 0 (a
   * version that is present but not such a number also makes the item malformed, so it is stored
   * at 0, below any real version: the next good update replaces it).
   */
  public static int version(AvsbValue json) {
    if (json == null) {
      return 0;
    }
    AvsbValue v = json.get("version");
    double d = v.doubleValue();
    return v.isNumber() && d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE
        ? (int) d : 0;
  }

  private static Flag readFlag(String key, AvsbValue.Obj o, Shared shared) throws BadItem {
    int version = integer(o, "version", "version", 0);
    if (bool(o, "deleted", "deleted")) {
      return new Flag(key, version, true, null, false, List.of(), "", List.of(), List.of(),
          List.of(), new VariationOrRollout(null, null, List.of(), EvaluationReason.fallthrough(),
              EvaluationReason.fallthrough(true)),
          Flag.errorResult(EvaluationReason.ErrorKind.MALFORMED_FLAG), false, false, false, false,
          0, Set.of());
    }
    List<AvsbValue> variations = shared == null
        ? array(o, "variations", "variations")
        : shared.variations(array(o, "variations", "variations"));
    String salt = orEmpty(string(o, "salt", "salt"));
    Integer offVariation = optInteger(o, "offVariation", "offVariation");
    EvaluationDetail<AvsbValue> offResult = offOrFailed(variations, offVariation,
        EvaluationReason.off(), shared);
    Set<String> segmentKeys = new LinkedHashSet<>();
    List<Prerequisite> prerequisites = new ArrayList<>();
    List<AvsbValue> prereqJson = array(o, "prerequisites", "prerequisites");
    for (int i = 0; i < prereqJson.size(); i++) {
      String path = "prerequisites[" + i + "]";
      AvsbValue.Obj p = object(prereqJson.get(i), path);
      String prereqKey = requiredString(p, "key", path + ".key");
      int variation = requiredInteger(p, "variation", path + ".variation");
      prerequisites.add(new Prerequisite(prereqKey, variation, offOrFailed(variations,
          offVariation, EvaluationReason.prerequisiteFailed(prereqKey), null)));
    }
    List<Target> userTargets = targets(o, "targets", variations, false, shared);
    List<Target> contextTargets = targets(o, "contextTargets", variations, true, shared);
    List<Rule> rules = new ArrayList<>();
    List<AvsbValue> rulesJson = array(o, "rules", "rules");
    for (int i = 0; i < rulesJson.size(); i++) {
      rules.add(rule(i, object(rulesJson.get(i), "rules[" + i + "]"), key, salt, variations,
          segmentKeys, shared));
    }
    AvsbValue.Obj fallthroughJson = optObject(o, "fallthrough", "fallthrough");
    VariationOrRollout fallthrough = fallthroughJson == null
        ? VariationOrRollout.missingFallthrough()
        : outcome(fallthroughJson, "fallthrough", key, salt, variations,
            EvaluationReason.fallthrough(), EvaluationReason.fallthrough(true), shared);
    AvsbValue.Obj availability =
        optObject(o, "clientSideAvailability", "clientSideAvailability");
    boolean usingEnvironmentId;
    boolean usingMobileKey;
    if (availability != null) {
      usingEnvironmentId = bool(availability, "usingEnvironmentId",
          "clientSideAvailability.usingEnvironmentId");
      usingMobileKey = bool(availability, "usingMobileKey",
          "clientSideAvailability.usingMobileKey");
    } else {
      usingEnvironmentId = bool(o, "clientSide", "clientSide");
      usingMobileKey = true; // the older model had no mobile switch: mobile SDKs saw every flag
    }
    return new Flag(key, version, false, null, bool(o, "on", "on"), variations, salt,
        prerequisites, contextTargets.isEmpty() ? userTargets
            : resolvePlaceholders(contextTargets, userTargets),
        rules, fallthrough, offResult, bool(o, "trackEvents", "trackEvents"),
        bool(o, "trackEventsFallthrough", "trackEventsFallthrough"), usingEnvironmentId,
        usingMobileKey, longNumber(o, "debugEventsUntilDate", "debugEventsUntilDate"),
        segmentKeys);
  }

  static EvaluationDetail<AvsbValue> offOrFailed(List<AvsbValue> variations,
      Integer offVariation, EvaluationReason reason, Shared shared) {
    EvaluationDetail<AvsbValue> result = offVariation == null
        ? new EvaluationDetail<>(null, EvaluationDetail.NO_VARIATION, reason)
        : Flag.result(variations, offVariation, reason);
    return shared == null ? result : shared.result(result);
  }

  private static List<Target> targets(AvsbValue.Obj o, String field, List<AvsbValue> variations,
      boolean withKind, Shared shared) throws BadItem {
    List<AvsbValue> json = array(o, field, field);
    List<Target> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      String path = field + "[" + i + "]";
      AvsbValue.Obj t = object(json.get(i), path);
      int variation = requiredInteger(t, "variation", path + ".variation");
      String kind = withKind ? kind(t, "contextKind", path + ".contextKind") : null;
      EvaluationDetail<AvsbValue> result =
          Flag.result(variations, variation, EvaluationReason.targetMatch());
      out.add(new Target(kind, stringSet(t, "values", path + ".values"), variation,
          shared == null ? result : shared.result(result)));
    }
    return out;
  }

  /**
   * A {@code user} entry of {@code contextTargets} stands for the keys of the first {@code
   * targets} entry with the same variation, whatever values it lists itself (as in the reference
   * SDKs); no such entry means no keys.
   */
  static List<Target> resolvePlaceholders(List<Target> contextTargets,
      List<Target> userTargets) {
    List<Target> out = new ArrayList<>(contextTargets.size());
    for (Target t : contextTargets) {
      if (!t.contextKind().equals(io.avsb.AvsbContext.DEFAULT_KIND)) {
        out.add(t);
        continue;
      }
      Set<String> keys = Set.of();
      for (Target u : userTargets) {
        if (u.variation() == t.variation()) {
          keys = u.values();
          break;
        }
      }
      out.add(new Target(t.contextKind(), keys, t.variation(), t.result()));
    }
    return out;
  }

  private static Rule rule(int index, AvsbValue.Obj r, String flagKey, String salt,
      List<AvsbValue> variations, Set<String> segmentKeys, Shared shared) throws BadItem {
    String path = "rules[" + index + "]";
    String id = string(r, "id", path + ".id");
    List<Clause> clauses = clauses(r, path, segmentKeys, shared);
    VariationOrRollout outcome = outcome(r, path, flagKey, salt, variations,
        EvaluationReason.ruleMatch(index, id, false), EvaluationReason.ruleMatch(index, id, true),
        shared);
    return new Rule(id, clauses, outcome, bool(r, "trackEvents", path + ".trackEvents"));
  }

  private static List<Clause> clauses(AvsbValue.Obj o, String path, Set<String> segmentKeys,
      Shared shared) throws BadItem {
    List<AvsbValue> json = array(o, "clauses", path + ".clauses");
    List<Clause> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      String cpath = path + ".clauses[" + i + "]";
      AvsbValue.Obj c = object(json.get(i), cpath);
      String kind = kind(c, "contextKind", cpath + ".contextKind");
      String attr = string(c, "attribute", cpath + ".attribute");
      Operator op = Operator.fromJson(string(c, "op", cpath + ".op"));
      List<AvsbValue> values = array(c, "values", cpath + ".values");
      // without a context kind the attribute is a plain name (the older user model); a
      // contextKind given as "" still makes it a reference, as in the reference SDKs
      boolean reference = field(c, "contextKind") != null;
      boolean negate = bool(c, "negate", cpath + ".negate");
      Clause clause = shared == null
          ? clause(kind, reference, attr, op, values, negate)
          : shared.clause(kind, reference, attr, op, values, negate);
      if (op == Operator.SEGMENT_MATCH) {
        segmentKeys.addAll(List.of(clause.strings()));
      }
      out.add(clause);
    }
    return out;
  }

  /**
   * A clause; without a context kind the attribute is a plain name (the older user model). The
   * attribute name is interned: contexts built with literal names (as code writes them) then hold
   * the same instance, and the evaluator's lookup ends at an identity compare.
   */
  static Clause clause(String kind, boolean reference, String attr, Operator op,
      List<AvsbValue> values, boolean negate) {
    String name = attr == null ? null : attr.intern();
    AttributeRef ref = reference ? AttributeRef.of(name) : AttributeRef.ofLiteral(name);
    return new Clause(kind, ref, op, values, negate);
  }

  private static VariationOrRollout outcome(AvsbValue.Obj o, String path, String flagKey,
      String salt, List<AvsbValue> variations, EvaluationReason reason,
      EvaluationReason experimentReason, Shared shared) throws BadItem {
    Integer variation = optInteger(o, "variation", path + ".variation");
    AvsbValue.Obj r = optObject(o, "rollout", path + ".rollout");
    Rollout rollout = r == null ? null : rollout(r, path + ".rollout", flagKey, salt);
    if (rollout == null && shared != null) {
      return shared.fixed(variation, variations, reason, experimentReason);
    }
    return new VariationOrRollout(variation, rollout, variations, reason, experimentReason);
  }

  private static Rollout rollout(AvsbValue.Obj r, String path, String flagKey, String salt)
      throws BadItem {
    List<AvsbValue> json = array(r, "variations", path + ".variations");
    List<WeightedVariation> buckets = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      String vpath = path + ".variations[" + i + "]";
      AvsbValue.Obj v = object(json.get(i), vpath);
      buckets.add(new WeightedVariation(requiredInteger(v, "variation", vpath + ".variation"),
          integer(v, "weight", vpath + ".weight", 0), bool(v, "untracked", vpath + ".untracked")));
    }
    String kind = kind(r, "contextKind", path + ".contextKind");
    String bucketBy = string(r, "bucketBy", path + ".bucketBy");
    return new Rollout(buckets, "experiment".equals(string(r, "kind", path + ".kind")),
        optInteger(r, "seed", path + ".seed"),
        bucketByRef(bucketBy, field(r, "contextKind") != null), kind, flagKey, salt);
  }

  /**
   * With a context kind (even {@code ""}), bucketBy is a reference; without, a plain name of the
   * user kind. Absent means {@code key} (null); empty is an invalid reference, which buckets as 0.
   */
  static AttributeRef bucketByRef(String bucketBy, boolean withKind) {
    if (bucketBy == null) {
      return null;
    }
    return withKind ? AttributeRef.of(bucketBy) : AttributeRef.ofLiteral(bucketBy);
  }

  private static Segment readSegment(String key, AvsbValue.Obj o) throws BadItem {
    int version = integer(o, "version", "version", 0);
    if (bool(o, "deleted", "deleted")) {
      return new Segment(key, version, true, null, Set.of(), Set.of(), List.of(), List.of(),
          List.of(), "", false, Set.of());
    }
    Set<String> nested = new LinkedHashSet<>();
    List<SegmentRule> rules = new ArrayList<>();
    List<AvsbValue> rulesJson = array(o, "rules", "rules");
    for (int i = 0; i < rulesJson.size(); i++) {
      String path = "rules[" + i + "]";
      AvsbValue.Obj r = object(rulesJson.get(i), path);
      String kind = kind(r, "rolloutContextKind", path + ".rolloutContextKind");
      rules.add(new SegmentRule(string(r, "id", path + ".id"), clauses(r, path, nested, null),
          optInteger(r, "weight", path + ".weight"),
          bucketByRef(string(r, "bucketBy", path + ".bucketBy"),
              field(r, "rolloutContextKind") != null), kind));
    }
    return new Segment(key, version, false, null, stringSet(o, "included", "included"),
        stringSet(o, "excluded", "excluded"), segmentTargets(o, "includedContexts"),
        segmentTargets(o, "excludedContexts"), rules, orEmpty(string(o, "salt", "salt")),
        bool(o, "unbounded", "unbounded"), nested);
  }

  private static List<SegmentTarget> segmentTargets(AvsbValue.Obj o, String field)
      throws BadItem {
    List<AvsbValue> json = array(o, field, field);
    List<SegmentTarget> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      String path = field + "[" + i + "]";
      AvsbValue.Obj t = object(json.get(i), path);
      out.add(new SegmentTarget(kind(t, "contextKind", path + ".contextKind"),
          stringSet(t, "values", path + ".values")));
    }
    return out;
  }

  // ---- typed access; JSON null counts as absent ----

  private static AvsbValue field(AvsbValue.Obj o, String name) {
    AvsbValue v = o.values().get(name);
    return v == null || v.isNull() ? null : v;
  }

  private static AvsbValue.Obj object(AvsbValue v, String path) throws BadItem {
    if (v instanceof AvsbValue.Obj o) {
      return o;
    }
    throw new BadItem(path + " must be an object");
  }

  private static AvsbValue.Obj optObject(AvsbValue.Obj o, String name, String path)
      throws BadItem {
    AvsbValue v = field(o, name);
    return v == null ? null : object(v, path);
  }

  private static List<AvsbValue> array(AvsbValue.Obj o, String name, String path)
      throws BadItem {
    AvsbValue v = field(o, name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof AvsbValue.Arr a) {
      return a.values();
    }
    throw new BadItem(path + " must be an array");
  }

  private static Set<String> stringSet(AvsbValue.Obj o, String name, String path)
      throws BadItem {
    List<AvsbValue> values = array(o, name, path);
    Set<String> out = new HashSet<>(values.size() * 2);
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isString()) {
        throw new BadItem(path + "[" + i + "] must be a string");
      }
      out.add(values.get(i).stringValue());
    }
    return out;
  }

  private static boolean bool(AvsbValue.Obj o, String name, String path) throws BadItem {
    AvsbValue v = field(o, name);
    if (v == null) {
      return false;
    }
    if (v instanceof AvsbValue.Bool b) {
      return b.value();
    }
    throw new BadItem(path + " must be a boolean");
  }

  private static String string(AvsbValue.Obj o, String name, String path) throws BadItem {
    AvsbValue v = field(o, name);
    if (v == null) {
      return null;
    }
    if (v.isString()) {
      return v.stringValue();
    }
    throw new BadItem(path + " must be a string");
  }

  private static String requiredString(AvsbValue.Obj o, String name, String path)
      throws BadItem {
    String s = string(o, name, path);
    if (s == null) {
      throw new BadItem(path + " is required");
    }
    return s;
  }

  /** A context kind: absent or empty means the default ({@code user}), given as null. */
  private static String kind(AvsbValue.Obj o, String name, String path) throws BadItem {
    String s = string(o, name, path);
    return s == null || s.isEmpty() ? null : s;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Integer optInteger(AvsbValue.Obj o, String name, String path) throws BadItem {
    AvsbValue v = field(o, name);
    if (v == null) {
      return null;
    }
    double d = v.doubleValue();
    if (!v.isNumber() || d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
      throw new BadItem(path + " must be an integer");
    }
    return (int) d;
  }

  private static int integer(AvsbValue.Obj o, String name, String path, int absent)
      throws BadItem {
    Integer i = optInteger(o, name, path);
    return i == null ? absent : i;
  }

  private static int requiredInteger(AvsbValue.Obj o, String name, String path)
      throws BadItem {
    Integer i = optInteger(o, name, path);
    if (i == null) {
      throw new BadItem(path + " is required");
    }
    return i;
  }

  private static long longNumber(AvsbValue.Obj o, String name, String path) throws BadItem {
    AvsbValue v = field(o, name);
    if (v == null) {
      return 0;
    }
    if (!v.isNumber()) {
      throw new BadItem(path + " must be a number");
    }
    return (long) v.doubleValue();
  }

  /** A structural problem; the message names the JSON path. */
  private static final class BadItem extends Exception {
    private static final long serialVersionUID = 1L;

    BadItem(String message) {
      super(message, null, false, false);
    }
  }
}
