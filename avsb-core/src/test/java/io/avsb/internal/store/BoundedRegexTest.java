package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BoundedRegexTest {
  /** The hostile input of the probe: 40 characters that almost match, and one that does not. */
  private static final String HOSTILE = "a".repeat(40) + "!";

  private static BoundedRegex regex(String pattern) {
    return new BoundedRegex(Pattern.compile(pattern));
  }

  @ParameterizedTest
  @CsvSource({
    "b+c, abbbcd", "^b, abc", "z$, xyz", "^[a-z]+@example\\.com$, ann@example.com",
    "(?i)PRO, enterprise-pro", "(a|b)+c, ababab", "\\d{3}-\\d{4}, call 555-1234 now",
    "^$, ''", "(x)\\1, axxb", "(?<=a)b, ab", "\\p{Lu}, ÉCOLE", "., ''",
  })
  void withinTheBudgetResultsAreThoseOfJavaUtilRegex(String pattern, String value) {
    boolean expected = Pattern.compile(pattern).matcher(value).find();
    assertThat(regex(pattern).find(value))
        .isEqualTo(expected ? BoundedRegex.FOUND : BoundedRegex.NOT_FOUND);
  }

  @Test
  void aLinearSearchOfALongValueFitsTheBudget() {
    String value = "x".repeat(2_000_000) + "needle";
    assertThat(regex("needle").find(value)).isEqualTo(BoundedRegex.FOUND);
    assertThat(regex("[0-9]").find(value)).isEqualTo(BoundedRegex.NOT_FOUND);
  }

  @Test
  void aSearchGivesUpOnceItHasReadMoreCharactersThanItsBudget() {
    assertThat(regex("d").find("abcd", 4)).isEqualTo(BoundedRegex.FOUND);
    assertThat(regex("d").find("abcd", 3)).isEqualTo(BoundedRegex.GAVE_UP);
  }

  @Test
  void catastrophicBacktrackingGivesUpInsteadOfHanging() throws Exception {
    for (String pattern : new String[] {"(.*a){12}$", "(.*a){8}b", "(.*a){10}$"}) {
      int result = CompletableFuture.supplyAsync(() -> regex(pattern).find(HOSTILE))
          .get(60, TimeUnit.SECONDS);
      assertThat(result).as(pattern).isEqualTo(BoundedRegex.GAVE_UP);
    }
  }

  @Test
  void aStackOverflowInTheJdkMatcherGivesUp() {
    assertThat(regex("(a|b)*c").find("ab".repeat(200_000))).isEqualTo(BoundedRegex.GAVE_UP);
  }

  @Test
  void theBudgetGrowsWithTheValue() {
    assertThat(BoundedRegex.budget(0)).isEqualTo(1_000_000);
    assertThat(BoundedRegex.budget(1_000)).isEqualTo(1_064_000);
  }
}
