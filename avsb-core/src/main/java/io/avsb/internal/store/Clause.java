package io.avsb.internal.store;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition of a rule: an attribute of the context of one kind, an operator and values,
 * optionally negated. The values are preprocessed for the operator when the clause is built
 * (a hash set for {@code in}, compiled patterns with a step budget, parsed dates and versions, numbers); values of
 * the wrong type for the operator, unparsable dates or versions and invalid regular expressions
 * are dropped because they can never match. Immutable and thread-safe; the arrays returned by
 * the accessors are the clause's own and must not be modified.
 */
public final class Clause {
  private static final String[] NO_STRINGS = new String[0];
  private static final int SMALL_IN = 8;

  private final String contextKind;
  private final AttributeRef attribute;
  private final boolean kindAttribute;
  private final Operator op;
  private final List<AvsbValue> values;
  private final boolean negate;
  private final Set<AvsbValue> valueSet;
  private final Set<String> stringSet;
  private final String[] strings;
  private final BoundedRegex[] regexes;
  private final double[] numbers;
  private final Timestamp[] dates;
  private final SemanticVersion[] versions;

  /**
   * Builds and preprocesses a clause.
   *
   * @param contextKind the kind of context whose attribute is tested; null means {@code user}
   * @param attribute the attribute; may be invalid, which is reported when the clause is reached
   * @param op the operator
   * @param values the clause values
   * @param negate whether the result is negated
   */
  public Clause(
      String contextKind, AttributeRef attribute, Operator op, List<AvsbValue> values,
      boolean negate) {
    // interned, as the kinds of contexts built in code are: finding the context is then an
    // identity compare
    this.contextKind = contextKind == null ? AvsbContext.DEFAULT_KIND : contextKind.intern();
    this.attribute = attribute;
    this.kindAttribute =
        attribute.isValid() && attribute.depth() == 1 && attribute.component(0).equals("kind");
    this.op = op;
    this.values = List.copyOf(values);
    this.negate = negate;
    // HashSet, not Set.copyOf: the JDK's immutable set probes linearly, and near-consecutive
    // string hashes (user-0001, user-0002, ...) make long probe runs; strings are looked up by
    // their String so no record equals/hashCode runs on the hot path
    this.valueSet = op == Operator.IN ? nonStrings(values) : Set.of();
    this.stringSet = op == Operator.IN ? stringSet(values) : Set.of();
    // segment keys are interned like the store's keys, so finding the segment ends at identity
    this.strings = op == Operator.SEGMENT_MATCH ? interned(strings(values))
        : isStringOp(op) ? strings(values) : NO_STRINGS;
    this.regexes = op == Operator.MATCHES ? regexes(values) : new BoundedRegex[0];
    this.numbers = isNumericOp(op) ? numbers(values) : new double[0];
    this.dates = op == Operator.BEFORE || op == Operator.AFTER ? dates(values) : new Timestamp[0];
    this.versions = isSemVerOp(op) ? versions(values) : new SemanticVersion[0];
  }

  // values written as literals in code (a plan, a country) are then the same instance
  private static String[] interned(String[] strings) {
    for (int i = 0; i < strings.length; i++) {
      strings[i] = strings[i].intern();
    }
    return strings;
  }

  private static boolean isStringOp(Operator op) {
    return op == Operator.STARTS_WITH || op == Operator.ENDS_WITH || op == Operator.CONTAINS;
  }

  private static boolean isNumericOp(Operator op) {
    return op == Operator.LESS_THAN || op == Operator.LESS_THAN_OR_EQUAL
        || op == Operator.GREATER_THAN || op == Operator.GREATER_THAN_OR_EQUAL;
  }

  private static boolean isSemVerOp(Operator op) {
    return op == Operator.SEMVER_EQUAL || op == Operator.SEMVER_LESS_THAN
        || op == Operator.SEMVER_GREATER_THAN;
  }

  private static String[] strings(List<AvsbValue> values) {
    List<String> out = new ArrayList<>();
    for (AvsbValue v : values) {
      if (v.isString()) {
        out.add(v.stringValue());
      }
    }
    return out.toArray(NO_STRINGS);
  }

  private static BoundedRegex[] regexes(List<AvsbValue> values) {
    List<BoundedRegex> out = new ArrayList<>();
    for (AvsbValue v : values) {
      if (v.isString()) {
        try {
          out.add(new BoundedRegex(Pattern.compile(v.stringValue())));
        } catch (PatternSyntaxException | StackOverflowError e) {
          // an invalid expression never matches; the JDK compiles deeply nested groups recursively
        }
      }
    }
    return out.toArray(new BoundedRegex[0]);
  }

  private static double[] numbers(List<AvsbValue> values) {
    return values.stream().filter(AvsbValue::isNumber).mapToDouble(AvsbValue::doubleValue).toArray();
  }

  private static Timestamp[] dates(List<AvsbValue> values) {
    return values.stream().map(Timestamp::parse).filter(t -> t != null).toArray(Timestamp[]::new);
  }

  private static SemanticVersion[] versions(List<AvsbValue> values) {
    return values.stream().map(SemanticVersion::parse).filter(v -> v != null)
        .toArray(SemanticVersion[]::new);
  }

  /** The kind of context whose attribute is tested ({@code user} by default). */
  public String contextKind() {
    return contextKind;
  }

  /** The attribute tested; may be invalid. */
  public AttributeRef attribute() {
    return attribute;
  }

  /** True when the attribute is {@code kind}: the clause tests the context's kinds. */
  public boolean isKindAttribute() {
    return kindAttribute;
  }

  /** The operator. */
  public Operator op() {
    return op;
  }

  /** The clause values as given. */
  public List<AvsbValue> values() {
    return values;
  }

  /** Whether the result is negated. */
  public boolean negate() {
    return negate;
  }

  /** For {@code in}: the values that are not strings, as a set. */
  public Set<AvsbValue> valueSet() {
    return valueSet;
  }

  /** For {@code in}: the string values, as a set of strings. */
  public Set<String> stringSet() {
    return stringSet;
  }

  /** For {@code in}: whether {@code value} is one of the string values. */
  public boolean inStrings(String value) {
    return stringSet.contains(value);
  }

  private static Set<AvsbValue> nonStrings(List<AvsbValue> values) {
    Set<AvsbValue> out = new HashSet<>();
    for (AvsbValue v : values) {
      if (!v.isString()) {
        out.add(v);
      }
    }
    return out.isEmpty() ? Set.of() : Collections.unmodifiableSet(out);
  }

  // a KeyLookup: each string beside its hash, so most misses end at an int compare
  private static Set<String> stringSet(List<AvsbValue> values) {
    List<String> out = new ArrayList<>();
    for (AvsbValue v : values) {
      if (v.isString()) {
        out.add(v.stringValue());
      }
    }
    if (out.size() <= SMALL_IN) {
      // a few values (a plan, a country) are often literals in code too: then a hit is identity
      out.replaceAll(String::intern);
    }
    return out.isEmpty() ? Set.of() : KeyLookup.of(out);
  }

  /** For the string operators: the string values; for {@code segmentMatch}: the segment keys. */
  public String[] strings() {
    return strings;
  }

  /** For {@code matches}: the valid regular expressions, each searched within a step budget. */
  public BoundedRegex[] regexes() {
    return regexes;
  }

  /** For the numeric operators: the numeric values. */
  public double[] numbers() {
    return numbers;
  }

  /** For {@code before}/{@code after}: the valid dates. */
  public Timestamp[] dates() {
    return dates;
  }

  /** For the semver operators: the valid versions. */
  public SemanticVersion[] versions() {
    return versions;
  }
}
