package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {
  private static SemanticVersion v(String s) {
    return SemanticVersion.parse(AvsbValue.of(s));
  }

  @Test
  void precedenceFollowsTheSemverSpecification() {
    String[] ascending = {
      "0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
      "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0",
      "10.0.0", "10.0.0-0.3.7", "10.0.0-x.7.z.92",
    };
    // the last two are prereleases of 10.0.0: they sort before it; check pairs in order up to 10.0.0
    for (int i = 0; i + 1 < 13; i++) {
      assertThat(v(ascending[i]).compareTo(v(ascending[i + 1])))
          .as("%s < %s", ascending[i], ascending[i + 1]).isNegative();
      assertThat(v(ascending[i + 1]).compareTo(v(ascending[i]))).isPositive();
    }
    assertThat(v("10.0.0-0.3.7").compareTo(v("10.0.0"))).isNegative();
    assertThat(v("10.0.0-0.3.7").compareTo(v("10.0.0-x.7.z.92"))).isNegative();
  }

  @Test
  void prereleaseIdentifiersAreNumericWhenAJavaIntAsInTheReferenceSdks() {
    // leading zeros and a leading minus still make a number
    assertThat(v("1.2.3-01").compareTo(v("1.2.3-1"))).isZero();
    assertThat(v("1.2.3-rc.01").compareTo(v("1.2.3-rc.2"))).isNegative();
    assertThat(v("1.2.3-a.-2").compareTo(v("1.2.3-a.-1"))).isNegative();
    assertThat(v("1.2.3--1").compareTo(v("1.2.3-0"))).isNegative();
    assertThat(v("1.2.3-2147483647").compareTo(v("1.2.3-a"))).isNegative();
    // beyond an int an identifier is text, compared by characters
    assertThat(v("1.2.3-2147483648").compareTo(v("1.2.3-2147483647"))).isPositive();
    assertThat(v("1.0.0-99999999999999999999").compareTo(v("1.0.0-100000000000000000000")))
        .isPositive();
  }

  @Test
  void emptyPrereleaseIdentifiersCountExceptTrailingOnes() {
    // "a." has one identifier, "a..b" three with an empty one, "." none
    assertThat(v("1.2.3-a.").compareTo(v("1.2.3-a"))).isZero();
    assertThat(v("1.2.3-a..b").compareTo(v("1.2.3-a.b"))).isNegative();
    assertThat(v("1.2.3-.").compareTo(v("1.2.3-a"))).isNegative();
    assertThat(v("1.2.3-.").compareTo(v("1.2.3-..."))).isZero();
    assertThat(v("1.2.3-.").compareTo(v("1.2.3"))).isNegative();
  }

  @Test
  void missingMinorAndPatchAreZeroAndBuildIsIgnored() {
    assertThat(v("2").compareTo(v("2.0.0"))).isZero();
    assertThat(v("2.1").compareTo(v("2.1.0"))).isZero();
    assertThat(v("2-rc").compareTo(v("2.0.0-rc"))).isZero();
    assertThat(v("2.0.0+build.5").compareTo(v("2.0.0"))).isZero();
    assertThat(v("2.0.0-rc+build").compareTo(v("2.0.0-rc"))).isZero();
  }

  @Test
  void invalidVersionsAreRejected() {
    String[] bad = {
      "02.0.0", "v2.0.0", "2.0.0.0", "", "2.", "2..0", "2.0.0-", "2.0.0+", "2.0.0-rc_1",
      " 2.0.0", "2.0.0 ", "99999999999999999999.0.0", "2147483648.0.0", "1.99999999999.0",
      "1.2.3-a+b+c", "1.2.3\n", "1.2.٣",
    };
    for (String text : bad) {
      assertThat(v(text)).as(text).isNull();
    }
    String[] good = {"2147483647.0.0", "2.0.0-rc..1", "2.0.0-01", "2.0.0+a..b", "1-2-3", "1.2.3-."};
    for (String text : good) {
      assertThat(v(text)).as(text).isNotNull();
    }
    assertThat(SemanticVersion.parse(AvsbValue.of(2))).isNull();
    assertThat(SemanticVersion.parse(AvsbValue.NULL)).isNull();
  }

  @Test
  void parsingIntoAnArrayMatchesParsingToAnInstance() {
    long[] parsed = new long[SemanticVersion.PARSED_LENGTH];
    assertThat(SemanticVersion.parseInto("1.2.3-beta.1+b7", parsed)).isTrue();
    assertThat(parsed).containsExactly(1, 2, 3, 6, 12);
    assertThat(v("1.2.3-beta.1").compareParsed("1.2.3-beta.1+b7", parsed)).isZero();
    // the parsed version is compared with the instance: beta.1 ranks below beta.2
    assertThat(v("1.2.3-beta.2").compareParsed("1.2.3-beta.1+b7", parsed)).isNegative();
    assertThat(SemanticVersion.parseInto("1.2", parsed)).isTrue();
    assertThat(parsed).containsExactly(1, 2, 0, -1, -1);
    assertThat(v("1.2.0-rc").compareParsed("1.2", parsed)).isPositive();
    assertThat(SemanticVersion.parseInto("x", parsed)).isFalse();
  }
}
