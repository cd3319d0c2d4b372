package io.avsb.internal.eval;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.store.BoundedRegex;
import io.avsb.internal.store.Clause;
import io.avsb.internal.store.DataLookup;
import io.avsb.internal.store.Operator;
import io.avsb.internal.store.SemanticVersion;
import io.avsb.internal.store.Timestamp;
import java.util.List;

/**
 * Decides whether a clause matches a context. A missing context kind or attribute never matches,
 * negated or not; an array attribute matches when any of its elements does; {@code kind}
 * as the attribute tests each of the context's kinds. Operators never match values of the wrong
 * type. A regex search that exceeds its step budget does not match (see {@link BoundedRegex}).
 * Stateless and thread-safe.
 */
final class ClauseMatcher {
  private ClauseMatcher() {}

  /**
   * Whether {@code clause} matches {@code context}.
   *
   * @param segments this thread's {@link EvalScratch} when a segment's rules are being evaluated,
   *     else null
   * @throws MalformedFlagException when the clause's attribute reference is invalid, or a segment
   *     it reaches is malformed or cyclic
   */
  static boolean matches(
      Clause clause, AvsbContext context, DataLookup data, Object[] segments) {
    if (clause.op() == Operator.SEGMENT_MATCH) {
      return SegmentMatcher.anyMatches(clause.strings(), context, data, segments)
          != clause.negate();
    }
    AttributeRef attr = clause.attribute();
    if (!attr.isValid()) {
      throw new MalformedFlagException(
          "clause attribute \"" + attr + "\" is invalid: " + attr.error());
    }
    if (clause.isKindAttribute()) {
      int n = context.individualContextCount();
      for (int i = 0; i < n; i++) {
        if (matchesValue(clause, context.individualContext(i).getValue("kind"))) {
          return !clause.negate();
        }
      }
      return clause.negate();
    }
    AvsbContext single = context.individualContext(clause.contextKind());
    if (single == null) {
      return false;
    }
    AvsbValue value = single.getValue(attr);
    if (value == null || value.isNull() || value instanceof AvsbValue.Obj) {
      return false;
    }
    if (value instanceof AvsbValue.Arr array) {
      List<AvsbValue> elements = array.values();
      for (int i = 0; i < elements.size(); i++) {
        // nested arrays and objects too: "in" compares them by JSON equality
        if (matchesValue(clause, elements.get(i))) {
          return !clause.negate();
        }
      }
      return clause.negate();
    }
    return matchesValue(clause, value) != clause.negate();
  }

  /** Whether the operator holds between {@code value} and any of the clause's values. */
  static boolean matchesValue(Clause clause, AvsbValue value) {
    switch (clause.op()) {
      case IN:
        return value instanceof AvsbValue.Str str
            ? clause.inStrings(str.value())
            : clause.valueSet().contains(value);
      case STARTS_WITH:
      case ENDS_WITH:
      case CONTAINS:
        return value instanceof AvsbValue.Str s && matchesString(clause, s.value());
      case MATCHES:
        if (value instanceof AvsbValue.Str s) {
          BoundedRegex[] regexes = clause.regexes();
          for (BoundedRegex r : regexes) {
            if (RegexSearches.find(r, s.value())) {
              return true;
            }
          }
        }
        return false;
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return value instanceof AvsbValue.Num n && matchesNumber(clause, n.value());
      case BEFORE:
      case AFTER:
        return matchesDate(clause, value);
      case SEMVER_EQUAL:
      case SEMVER_LESS_THAN:
      case SEMVER_GREATER_THAN:
        return matchesVersion(clause, value);
      default:
        return false; // unknown operators match nothing
    }
  }

  private static boolean matchesString(Clause clause, String s) {
    String[] strings = clause.strings();
    for (String c : strings) {
      boolean hit;
      switch (clause.op()) {
        case STARTS_WITH:
          hit = s.startsWith(c);
          break;
        case ENDS_WITH:
          hit = s.endsWith(c);
          break;
        default:
          hit = s.contains(c);
      }
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesNumber(Clause clause, double n) {
    double[] numbers = clause.numbers();
    for (double c : numbers) {
      boolean hit;
      switch (clause.op()) {
        case LESS_THAN:
          hit = n < c;
          break;
        case LESS_THAN_OR_EQUAL:
          hit = n <= c;
          break;
        case GREATER_THAN:
          hit = n > c;
          break;
        default:
          hit = n >= c;
      }
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesDate(Clause clause, AvsbValue value) {
    Timestamp[] dates = clause.dates();
    if (dates.length == 0) {
      return false;
    }
    long[] parsed = EvalScratch.parsed(EvalScratch.get());
    if (!Timestamp.parseInto(value, parsed)) {
      return false;
    }
    boolean before = clause.op() == Operator.BEFORE;
    for (Timestamp d : dates) {
      int c = d.compareParsed(parsed);
      if (before ? c < 0 : c > 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesVersion(Clause clause, AvsbValue value) {
    SemanticVersion[] versions = clause.versions();
    if (versions.length == 0) {
      return false;
    }
    if (!(value instanceof AvsbValue.Str s)) {
      return false;
    }
    long[] parsed = EvalScratch.parsed(EvalScratch.get());
    if (!SemanticVersion.parseInto(s.value(), parsed)) {
      return false;
    }
    for (SemanticVersion c : versions) {
      int cmp = c.compareParsed(s.value(), parsed);
      boolean hit = clause.op() == Operator.SEMVER_EQUAL ? cmp == 0
          : clause.op() == Operator.SEMVER_LESS_THAN ? cmp < 0 : cmp > 0;
      if (hit) {
        return true;
      }
    }
    return false;
  }
}
