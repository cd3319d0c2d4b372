package io.avsb.internal.eval;

import io.avsb.AvsbContext;
import io.avsb.internal.store.Clause;
import io.avsb.internal.store.DataLookup;
import io.avsb.internal.store.Segment;
import io.avsb.internal.store.SegmentRule;
import io.avsb.internal.store.SegmentTarget;
import java.util.List;

/**
 * Decides segment membership: the included keys, then the excluded keys, then the rules (with an
 * optional weighted rollout). Big (unbounded) segments are not supported and never match. A
 * segment reached again through its own rules is a cycle. Stateless and thread-safe.
 */
final class SegmentMatcher {
  private SegmentMatcher() {}

  /**
   * Whether the context is in any of the segments {@code keys}; unknown segments do not match.
   *
   * @param stack this thread's {@link EvalScratch} when a segment's rules are being evaluated,
   *     else null
   * @throws MalformedFlagException on a cycle or a malformed segment
   */
  static boolean anyMatches(
      String[] keys, AvsbContext context, DataLookup data, Object[] stack) {
    for (String key : keys) {
      if (stack != null && EvalScratch.segmentOnStack(stack, key)) {
        throw new MalformedFlagException("segment \"" + key + "\" refers to itself through its rules");
      }
      Segment segment = data.segment(key);
      if (segment != null && matches(segment, context, data, stack)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(
      Segment segment, AvsbContext context, DataLookup data, Object[] stack) {
    if (segment.malformedError() != null) {
      throw new MalformedFlagException(
          "segment \"" + segment.key() + "\" is malformed: " + segment.malformedError());
    }
    if (segment.unbounded()) {
      return false;
    }
    AvsbContext user = context.individualContext(AvsbContext.DEFAULT_KIND);
    if (user != null && segment.included().contains(user.key())
        || containsKey(segment.includedContexts(), context)) {
      return true;
    }
    if (user != null && segment.excluded().contains(user.key())
        || containsKey(segment.excludedContexts(), context)) {
      return false;
    }
    List<SegmentRule> rules = segment.rules();
    if (rules.isEmpty()) {
      return false;
    }
    Object[] s = stack != null ? stack : EvalScratch.get();
    if (EvalScratch.segmentDepth(s) >= Evaluator.MAX_DEPTH) {
      throw new MalformedFlagException("segments nest deeper than " + Evaluator.MAX_DEPTH);
    }
    EvalScratch.pushSegment(s, segment.key());
    try {
      for (int i = 0; i < rules.size(); i++) {
        if (ruleMatches(rules.get(i), segment, context, data, s)) {
          return true;
        }
      }
      return false;
    } finally {
      EvalScratch.popSegment(s);
    }
  }

  private static boolean containsKey(List<SegmentTarget> targets, AvsbContext context) {
    for (int i = 0; i < targets.size(); i++) {
      SegmentTarget t = targets.get(i);
      AvsbContext c = context.individualContext(t.contextKind());
      if (c != null && t.values().contains(c.key())) {
        return true;
      }
    }
    return false;
  }

  private static boolean ruleMatches(
      SegmentRule rule, Segment segment, AvsbContext context, DataLookup data, Object[] s) {
    List<Clause> clauses = rule.clauses();
    for (int i = 0; i < clauses.size(); i++) {
      if (!ClauseMatcher.matches(clauses.get(i), context, data, s)) {
        return false;
      }
    }
    if (rule.weight() == null) {
      return true;
    }
    float bucket =
        Bucketing.bucket(context, rule.rolloutContextKind(), rule.bucketBy(), segment.hashPrefix());
    // in double, as the reference SDKs compare; a context without the kind (bucket -1) is in
    // whenever the weight is 0 or more
    return bucket < rule.weightFraction();
  }
}
