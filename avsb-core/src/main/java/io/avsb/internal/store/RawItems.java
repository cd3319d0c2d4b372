package io.avsb.internal.store;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link ItemTokens} reads from a clean item's tokens (a flag's or a segment's properties
 * and their parts, already of the model's types), and the model built from it in {@link
 * FlagParser}'s order, with its constructors and {@link Shared}, so that the result is {@link
 * FlagParser}'s. Holders are filled by one thread, then built once.
 */
final class RawItems {
  private RawItems() {}

  /** A context kind as FlagParser reads it: absent or empty is the default, null. */
  static String kind(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  // as FlagParser makes it, so that the store holds the same tables
  static Set<String> toSet(List<String> list) {
    Set<String> out = new HashSet<>(list.size() * 2);
    out.addAll(list);
    return out;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static final class RawFlag {
    int version;
    boolean deleted;
    List<AvsbValue> variations;
    String salt;
    Integer offVariation;
    List<RawPrerequisite> prerequisites;
    List<RawTarget> targets;
    List<RawTarget> contextTargets;
    List<RawRule> rules;
    RawOutcome fallthrough;
    boolean[] availability;
    boolean clientSide;
    boolean on;
    boolean trackEvents;
    boolean trackEventsFallthrough;
    long debugEventsUntilDate;

    Flag build(String key, Shared shared) {
      List<AvsbValue> variations = shared.variations(orEmpty(this.variations));
      String salt = this.salt == null ? "" : this.salt;
      EvaluationDetail<AvsbValue> offResult = FlagParser.offOrFailed(variations, offVariation,
          EvaluationReason.off(), shared);
      Set<String> segmentKeys = new LinkedHashSet<>();
      List<Prerequisite> prerequisites = new ArrayList<>();
      for (RawPrerequisite p : orEmpty(this.prerequisites)) {
        prerequisites.add(new Prerequisite(p.key, p.variation, FlagParser.offOrFailed(variations,
            offVariation, EvaluationReason.prerequisiteFailed(p.key), null)));
      }
      List<Target> userTargets = targets(orEmpty(targets), variations, shared);
      List<Target> contextTargets = targets(orEmpty(this.contextTargets), variations, shared);
      List<Rule> rules = new ArrayList<>();
      List<RawRule> rawRules = orEmpty(this.rules);
      for (int i = 0; i < rawRules.size(); i++) {
        rules.add(rawRules.get(i).build(i, key, salt, variations, segmentKeys, shared));
      }
      VariationOrRollout fallthrough = this.fallthrough == null
          ? VariationOrRollout.missingFallthrough()
          : this.fallthrough.build(key, salt, variations, EvaluationReason.fallthrough(),
              EvaluationReason.fallthrough(true), shared);
      boolean usingEnvironmentId = availability != null ? availability[0] : clientSide;
      // the older model had no mobile switch: mobile SDKs saw every flag
      boolean usingMobileKey = availability == null || availability[1];
      return new Flag(key, version, false, null, on, variations, salt, prerequisites,
          contextTargets.isEmpty() ? userTargets
              : FlagParser.resolvePlaceholders(contextTargets, userTargets),
          rules, fallthrough, offResult, trackEvents, trackEventsFallthrough, usingEnvironmentId,
          usingMobileKey, debugEventsUntilDate, segmentKeys);
    }

    private static List<Target> targets(List<RawTarget> raw, List<AvsbValue> variations,
        Shared shared) {
      List<Target> out = new ArrayList<>(raw.size());
      for (RawTarget t : raw) {
        EvaluationDetail<AvsbValue> result =
            Flag.result(variations, t.variation, EvaluationReason.targetMatch());
        out.add(new Target(t.kind, t.values(), t.variation, shared.result(result)));
      }
      return out;
    }
  }

  static final class RawPrerequisite {
    String key;
    Integer variation;
  }

  static final class RawTarget {
    String kind;
    Set<String> values;
    int variation;

    Set<String> values() {
      return values == null ? toSet(List.of()) : values;
    }
  }

  static class RawOutcome {
    Integer variation;
    RawRollout rollout;

    VariationOrRollout build(String flagKey, String salt, List<AvsbValue> variations,
        EvaluationReason reason, EvaluationReason experimentReason, Shared shared) {
      Rollout r = rollout == null ? null : rollout.build(flagKey, salt);
      if (r == null) {
        return shared.fixed(variation, variations, reason, experimentReason);
      }
      return new VariationOrRollout(variation, r, variations, reason, experimentReason);
    }
  }

  static final class RawRule extends RawOutcome {
    String id;
    List<RawClause> clauses;
    boolean trackEvents;

    Rule build(int index, String flagKey, String salt, List<AvsbValue> variations,
        Set<String> segmentKeys, Shared shared) {
      List<Clause> built = RawClause.build(orEmpty(clauses), segmentKeys, shared);
      VariationOrRollout outcome = build(flagKey, salt, variations,
          EvaluationReason.ruleMatch(index, id, false), EvaluationReason.ruleMatch(index, id, true),
          shared);
      return new Rule(id, built, outcome, trackEvents);
    }
  }

  static final class RawRollout {
    List<WeightedVariation> variations;
    String contextKind;
    String bucketBy;
    String kind;
    Integer seed;

    Rollout build(String flagKey, String salt) {
      List<WeightedVariation> buckets = new ArrayList<>(orEmpty(variations));
      return new Rollout(buckets, "experiment".equals(kind), seed,
          FlagParser.bucketByRef(bucketBy, contextKind != null), kind(contextKind), flagKey, salt);
    }
  }

  static final class RawClause {
    String contextKind;
    String attribute;
    String op;
    List<AvsbValue> values;
    boolean negate;

    static List<Clause> build(List<RawClause> raw, Set<String> segmentKeys, Shared shared) {
      List<Clause> out = new ArrayList<>(raw.size());
      for (RawClause c : raw) {
        Operator op = Operator.fromJson(c.op);
        List<AvsbValue> values = c.values == null ? List.of() : c.values;
        // without a context kind the attribute is a plain name (the older user model)
        boolean reference = c.contextKind != null;
        Clause clause = shared == null
            ? FlagParser.clause(kind(c.contextKind), reference, c.attribute, op, values, c.negate)
            : shared.clause(kind(c.contextKind), reference, c.attribute, op, values, c.negate);
        if (op == Operator.SEGMENT_MATCH) {
          segmentKeys.addAll(List.of(clause.strings()));
        }
        out.add(clause);
      }
      return out;
    }
  }

  static final class RawSegment {
    int version;
    boolean deleted;
    List<RawSegmentRule> rules;
    Set<String> included;
    Set<String> excluded;
    List<RawTarget> includedContexts;
    List<RawTarget> excludedContexts;
    String salt;
    boolean unbounded;

    Segment build(String key) {
      Set<String> nested = new LinkedHashSet<>();
      List<SegmentRule> built = new ArrayList<>();
      for (RawSegmentRule r : orEmpty(rules)) {
        String kind = kind(r.rolloutContextKind);
        built.add(new SegmentRule(r.id, RawClause.build(orEmpty(r.clauses), nested, null),
            r.weight, FlagParser.bucketByRef(r.bucketBy, r.rolloutContextKind != null), kind));
      }
      return new Segment(key, version, false, null, included == null ? toSet(List.of()) : included,
          excluded == null ? toSet(List.of()) : excluded, targets(includedContexts),
          targets(excludedContexts), built, salt == null ? "" : salt, unbounded, nested);
    }

    private static List<SegmentTarget> targets(List<RawTarget> raw) {
      List<SegmentTarget> out = new ArrayList<>(orEmpty(raw).size());
      for (RawTarget t : orEmpty(raw)) {
        out.add(new SegmentTarget(t.kind, t.values()));
      }
      return out;
    }
  }

  static final class RawSegmentRule {
    String id;
    List<RawClause> clauses;
    Integer weight;
    String bucketBy;
    String rolloutContextKind;
  }
}
