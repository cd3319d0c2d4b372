package io.avsb.testkit;

import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One condition of a flag or segment rule: the context's attribute compared with values by an
 * operator, optionally negated. The factories cover the common cases; {@link #of} takes any
 * operator of the flag model. Immutable and thread-safe.
 *
 * @param contextKind the kind of context whose attribute is read; null only for {@code
 *     segmentMatch}, which reads no attribute
 * @param attribute the attribute: a plain name or a {@code /path} reference; empty for {@code
 *     segmentMatch}
 * @param op the operator, one of {@link #OPERATORS}
 * @param values the values to compare with; the clause matches if any of them does
 * @param negate whether the result is inverted
 */
public record Clause(
    String contextKind, String attribute, String op, List<AvsbValue> values, boolean negate) {

  /** The operators of the flag model. */
  public static final Set<String> OPERATORS = Set.of(
      "in", "startsWith", "endsWith", "contains", "matches",
      "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual",
      "before", "after", "semVerEqual", "semVerLessThan", "semVerGreaterThan", "segmentMatch");

  /** Checks the operator and copies the values. */
  public Clause {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(values, "values");
    if (!OPERATORS.contains(op)) {
      throw new IllegalArgumentException("op must be one of " + OPERATORS + ", was " + op);
    }
    if (contextKind == null && !op.equals("segmentMatch")) {
      throw new IllegalArgumentException("contextKind is required for operator " + op);
    }
    if (contextKind != null && contextKind.isEmpty()) {
      throw new IllegalArgumentException("contextKind must not be empty");
    }
    if (attribute.isEmpty() && !op.equals("segmentMatch")) {
      throw new IllegalArgumentException("attribute must not be empty");
    }
    values = List.copyOf(values);
  }

  /**
   * A clause on the context of kind {@code contextKind} with operator {@code op}; values are plain
   * Java values or {@link AvsbValue}s (see {@link AvsbValue#fromJava}).
   */
  public static Clause of(String contextKind, String attribute, String op, Object... values) {
    return new Clause(Objects.requireNonNull(contextKind, "contextKind"), attribute, op,
        toValues(values), false);
  }

  /** Matches when the {@code user} context's {@code attribute} equals one of {@code values}. */
  public static Clause matches(String attribute, Object... values) {
    return of("user", attribute, "in", values);
  }

  /** Matches when the {@code kind} context's {@code attribute} equals one of {@code values}. */
  public static Clause matchesContext(String kind, String attribute, Object... values) {
    return of(kind, attribute, "in", values);
  }

  /** Matches when the context is in one of the segments {@code segmentKeys}. */
  public static Clause inSegment(String... segmentKeys) {
    return new Clause(null, "", "segmentMatch", toValues((Object[]) segmentKeys), false);
  }

  /** This clause with its result inverted. */
  public Clause negated() {
    return new Clause(contextKind, attribute, op, values, !negate);
  }

  AvsbValue toJson() {
    Map<String, AvsbValue> json = new LinkedHashMap<>();
    if (contextKind != null) {
      json.put("contextKind", AvsbValue.of(contextKind));
    }
    json.put("attribute", AvsbValue.of(attribute));
    json.put("op", AvsbValue.of(op));
    json.put("values", new AvsbValue.Arr(values));
    json.put("negate", AvsbValue.of(negate));
    return new AvsbValue.Obj(json);
  }

  static List<AvsbValue> toValues(Object... values) {
    Objects.requireNonNull(values, "values");
    List<AvsbValue> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(AvsbValue.fromJava(v));
    }
    return out;
  }
}
