package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AttributeRef;
import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseTest {
  private static Clause in(String... values) {
    List<AvsbValue> list = new ArrayList<>();
    for (String v : values) {
      list.add(AvsbValue.of(v));
    }
    return new Clause(null, AttributeRef.of("plan"), Operator.IN, list, false);
  }

  @Test
  void aSmallInSetMatchesEqualTextOfAnyInstanceAndNotAnotherStringWithTheSameHash() {
    // "Aa" and "BB" have the same String.hashCode
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Clause clause = in("Aa", "pro");
    assertThat(clause.inStrings(new String("Aa"))).isTrue();
    assertThat(clause.inStrings("pro")).isTrue();
    assertThat(clause.inStrings("BB")).isFalse();
    assertThat(clause.inStrings("")).isFalse();
  }

  @Test
  void aLargeInSetMatchesExactlyItsValues() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      values.add("user-" + i);
    }
    Clause clause = in(values.toArray(new String[0]));
    assertThat(clause.inStrings(new StringBuilder("user-").append(7).toString())).isTrue();
    assertThat(clause.inStrings("user-20")).isFalse();
  }

  @Test
  void theContextKindDefaultsToUser() {
    assertThat(in("x").contextKind()).isEqualTo("user");
    assertThat(new Clause(new String("org"), AttributeRef.of("plan"), Operator.IN, List.of(),
        false).contextKind()).isEqualTo("org");
  }
}
