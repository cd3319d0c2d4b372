package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.store.Clause;
import io.avsb.internal.store.DataLookup;
import io.avsb.internal.store.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseMatcherTest {
  private static final DataLookup NO_DATA = MapLookup.of("{}");

  private static Clause clause(String attribute, String op, boolean negate, Object... values) {
    return new Clause(null, AttributeRef.ofLiteral(attribute), Operator.fromJson(op),
        values(values), negate);
  }

  private static List<AvsbValue> values(Object... values) {
    return ((AvsbValue.Arr) AvsbValue.fromJava(values)).values();
  }

  private static boolean matches(Clause c, AvsbContext context) {
    return ClauseMatcher.matches(c, context, NO_DATA, null);
  }

  private static AvsbContext userWith(String attribute, Object value) {
    return AvsbContext.builder("u").set(attribute, AvsbValue.fromJava(value)).build();
  }

  @Test
  void inUsesJsonEqualityWithNumbersAsDoubles() {
    assertThat(matches(clause("n", "in", false, 1), userWith("n", 1.0))).isTrue();
    assertThat(matches(clause("n", "in", false, 1), userWith("n", true))).isFalse();
    assertThat(matches(clause("n", "in", false, "1"), userWith("n", 1))).isFalse();
    assertThat(matches(clause("o", "in", false, List.of(1, 2)), userWith("o", 3))).isFalse();
  }

  @Test
  void inFindsNestedArraysAndObjectsInsideAnArrayAttribute() {
    AvsbContext ctx = userWith("a", List.of(List.of(1, 2), java.util.Map.of("x", "y")));
    assertThat(matches(clause("a", "in", false, List.of(1, 2)), ctx)).isTrue();
    assertThat(matches(clause("a", "in", false, java.util.Map.of("x", "y")), ctx)).isTrue();
    assertThat(matches(clause("a", "in", false, List.of(2, 1)), ctx)).isFalse();
    assertThat(matches(clause("a", "in", true, List.of(1, 2)), ctx)).isFalse();
  }

  @Test
  void regexFindsAnywhereAndAnInvalidRegexNeverMatches() {
    assertThat(matches(clause("s", "matches", false, "b+c"), userWith("s", "abbbcd"))).isTrue();
    assertThat(matches(clause("s", "matches", false, "^b"), userWith("s", "abc"))).isFalse();
    assertThat(matches(clause("s", "matches", false, "(unclosed", "z$"), userWith("s", "xyz")))
        .isTrue();
    assertThat(matches(clause("s", "matches", false, "(unclosed"), userWith("s", "(unclosed")))
        .isFalse();
  }

  @Test
  void datesCompareStrictlyAcrossFormats() {
    AvsbContext ctx = userWith("d", "2017-12-06T00:00:00.001-07:00");
    assertThat(matches(clause("d", "after", false, 1_512_543_600_000L), ctx)).isTrue();
    assertThat(matches(clause("d", "before", false, "2017-12-06T07:00:00.002Z"), ctx)).isTrue();
    assertThat(matches(clause("d", "before", false, "2017-12-06T07:00:00.001Z"), ctx)).isFalse();
    assertThat(matches(clause("d", "after", false, "not a date"), ctx)).isFalse();
    assertThat(matches(clause("d", "after", false, 0), userWith("d", true))).isFalse();
  }

  @Test
  void semverOperatorsCompareByPrecedence() {
    AvsbContext ctx = userWith("v", "2.1-beta.2");
    assertThat(matches(clause("v", "semVerLessThan", false, "2.1.0"), ctx)).isTrue();
    assertThat(matches(clause("v", "semVerGreaterThan", false, "2.1.0-beta.1"), ctx)).isTrue();
    assertThat(matches(clause("v", "semVerEqual", false, "2.1.0-beta.2+build"), ctx)).isTrue();
    assertThat(matches(clause("v", "semVerGreaterThan", false, "v1"), ctx)).isFalse();
  }

  @Test
  void arrayAttributesMatchWhenAnyScalarElementMatches() {
    AvsbContext ctx = userWith("tags", List.of(List.of("x"), "beta", 3));
    assertThat(matches(clause("tags", "in", false, "beta"), ctx)).isTrue();
    assertThat(matches(clause("tags", "in", false, "x"), ctx)).isFalse();
    assertThat(matches(clause("tags", "in", true, "x"), ctx)).isTrue();
    assertThat(matches(clause("tags", "startsWith", false, "be"), ctx)).isTrue();
  }

  @Test
  void missingAttributeOrKindNeverMatchesEvenNegated() {
    AvsbContext ctx = AvsbContext.of("u");
    assertThat(matches(clause("absent", "in", true, "x"), ctx)).isFalse();
    Clause orgClause = new Clause("org", AttributeRef.of("key"), Operator.IN, values("u"), true);
    assertThat(matches(orgClause, ctx)).isFalse();
    assertThat(matches(clause("obj", "in", true, "x"), userWith("obj", java.util.Map.of("a", 1))))
        .isFalse();
  }

  @Test
  void kindAttributeTestsEveryKindOfAMultiContext() {
    AvsbContext multi = AvsbContext.multi(AvsbContext.of("u"), AvsbContext.of("org", "o"));
    assertThat(matches(clause("kind", "in", false, "org"), multi)).isTrue();
    assertThat(matches(clause("kind", "in", true, "org"), multi)).isFalse();
    assertThat(matches(clause("kind", "startsWith", false, "us"), multi)).isTrue();
  }

  @Test
  void attributeReferencesReachNestedValues() {
    AvsbContext ctx = AvsbContext.builder("org", "o")
        .set("address", AvsbValue.parse("{\"city\": \"Paris\", \"a/b\": {\"~x\": 5}}")).build();
    Clause city = new Clause("org", AttributeRef.of("/address/city"), Operator.IN,
        values("Paris"), false);
    Clause escaped = new Clause("org", AttributeRef.of("/address/a~1b/~0x"), Operator.IN,
        values(5), false);
    assertThat(matches(city, ctx)).isTrue();
    assertThat(matches(escaped, ctx)).isTrue();
  }

  @Test
  void invalidReferenceIsAnErrorOnlyWhenReached() {
    Clause bad = new Clause("user", AttributeRef.of("/a~2"), Operator.IN, values(1), false);
    assertThatThrownBy(() -> matches(bad, AvsbContext.of("u")))
        .isInstanceOf(MalformedFlagException.class).hasMessageContaining("/a~2");
  }

  @Test
  void unknownOperatorMatchesNothingAndNegationAppliesAsForAnyOperator() {
    assertThat(matches(clause("key", "fancyNewOp", false, "u"), AvsbContext.of("u"))).isFalse();
    assertThat(matches(clause("key", "fancyNewOp", true, "u"), AvsbContext.of("u"))).isTrue();
  }

  @Test
  void operatorsIgnoreValuesOfTheWrongType() {
    assertThat(matches(clause("n", "lessThan", false, "100"), userWith("n", 5))).isFalse();
    assertThat(matches(clause("n", "lessThan", false, "100", 10), userWith("n", 5))).isTrue();
    assertThat(matches(clause("s", "contains", false, 5), userWith("s", "5"))).isFalse();
  }
}
