package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Dates are read as the reference SDKs read them, with {@code ZonedDateTime.parse}: the JDK is
 * the oracle here, for hand-picked strings and for random mutations of them.
 */
class TimestampTest {
  private static final String[] SAMPLES = {
    "2017-12-06T00:00:00.000-07:00", "2017-12-06T07:00:00Z", "1970-01-01T00:00:00Z",
    "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:34:56.5+05:30", "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.123456789-17:59", "2024-03-10t10:00:00z",
    // accepted by ZonedDateTime.parse beyond RFC 3339
    "2021-07-01T00:00Z", "2021-07-01T00:00:00.Z", "2021-07-01T01:00+01", "2021-07-01T01:00+01:00:30",
    "2021-07-01T01:00+01:00[Europe/London]", "2021-07-01T00:00Z[UTC]", "2021-07-01T00:00Z[Z]",
    "2021-07-01T00:00Z[GMT0]", "2021-07-01T00:00Z[UTC+01:00]", "2021-07-01T00:00Z[+01:00]",
    "2021-07-01T00:00Z[UT]", "2021-07-01T00:00Z[Zulu]", "2021-07-01T00:00Z[GMT-01:00:30]",
    "2021-07-01T00:00+05:00[Europe/London]", "+12021-07-01T00:00Z", "-2021-07-01T00:00Z",
    "2021-07-01T00:00+18:00", "-0001-03-01T00:00Z", "+999999999-12-31T23:59:59Z",
    // rejected by it
    "2021-07-01T01:00:00+0100", "2021-07-01T00:00Z[EST]", "2021-07-01T00:00Z[europe/london]",
    "2021-07-01T00:00Z[+01]", "2021-07-01T00:00Z[GMT+0]", "2021-07-01T00:00Z[UTC0]",
    "2021-07-01T00:00Z[]", "2021-07-01T00:00Z[Europe/London", "2021-07-01T00:00:00.1234567891Z",
    "2021-07-01", "2021-07-01T00:00:00", "1625097600000", "+2021-07-01T00:00Z", "-0000-07-01T00:00Z",
    "2021-02-29T00:00:00Z", "2021-07-01T24:00Z", "2021-07-01T23:59:60Z", "2021-07-01T00:00+19:00",
    "2021-07-01T00:00-18:00:01", "2021-07-01T00:00+24:00", "2021-07-01 00:00:00Z",
    "2021-07-01T00:00Z ", "2021-07-01T00:00:00,5Z", "2021-07-01T00:00.5Z", "2021-7-01T00:00Z",
    "+1000000000-01-01T00:00Z", "2021-07-01T00:00Z[UTC+19:00]", "2021-07-01T00:00Z[utc]",
    "badstring", "", "2017-12-06X00:00:00.000-07:00", "2017-13-01T00:00:00Z",
  };
  private static final String MUTATIONS = "0123456789+-:.TtZz[]/ UTCGMEurope/London0";

  private static Timestamp parse(String s) {
    return Timestamp.parse(AvsbValue.of(s));
  }

  private static Instant jdk(String s) {
    try {
      return ZonedDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static void assertSameAsJdk(String text) {
    Instant expected = jdk(text);
    Timestamp t = parse(text);
    if (expected == null) {
      assertThat(t).as("\"%s\" is not a date", text).isNull();
    } else {
      assertThat(t).as("\"%s\" is a date", text).isNotNull();
      assertThat(t.seconds()).as(text).isEqualTo(expected.getEpochSecond());
      assertThat(t.nanos()).as(text).isEqualTo(expected.getNano());
    }
  }

  @Test
  void stringsGiveWhatZonedDateTimeParseGives() {
    for (String text : SAMPLES) {
      assertSameAsJdk(text);
    }
  }

  // seeded random edits of the samples, so a failure replays exactly
  @Test
  void randomEditsOfTheSamplesGiveWhatZonedDateTimeParseGives() {
    Random random = new Random(8_2026L);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder(SAMPLES[random.nextInt(SAMPLES.length)]);
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
        char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
        switch (random.nextInt(3)) {
          case 0 -> sb.insert(at, c);
          case 1 -> {
            if (sb.length() > 0) {
              sb.deleteCharAt(at);
            }
          }
          default -> {
            if (sb.length() > 0) {
              sb.setCharAt(at, c);
            }
          }
        }
      }
      assertSameAsJdk(sb.toString());
    }
  }

  @Test
  void fractionalSecondsKeepTheirPrecision() {
    Timestamp whole = parse("2017-12-06T07:00:00Z");
    Timestamp oneNano = parse("2017-12-06T07:00:00.000000001Z");
    Timestamp tenthMilli = parse("2017-12-06T07:00:00.0001Z");
    assertThat(whole.compareTo(oneNano)).isNegative();
    assertThat(oneNano.compareTo(tenthMilli)).isNegative();
    assertThat(parse("2017-12-06T07:00:00.000100000Z").compareTo(tenthMilli)).isZero();
  }

  @Test
  void aZoneIdInBracketsIsCheckedButTheOffsetGivesTheInstant() {
    assertThat(parse("2021-01-01T00:00+05:00[Europe/London]").compareTo(
        parse("2020-12-31T19:00:00Z"))).isZero();
    assertThat(parse("2021-01-01T00:00+05:00[Europe/Lndn]")).isNull();
  }

  @Test
  void numbersAreEpochMilliseconds() {
    Timestamp fromNumber = Timestamp.parse(AvsbValue.of(1_512_543_600_000L));
    assertThat(fromNumber.compareTo(parse("2017-12-06T07:00:00Z"))).isZero();
    Timestamp negative = Timestamp.parse(AvsbValue.of(-1));
    assertThat(negative.seconds()).isEqualTo(-1);
    assertThat(negative.nanos()).isEqualTo(999_000_000);
  }

  @Test
  void otherTypesAreRejected() {
    assertThat(Timestamp.parse(AvsbValue.TRUE)).isNull();
    assertThat(Timestamp.parse(AvsbValue.NULL)).isNull();
    assertThat(Timestamp.parse(AvsbValue.parse("{}"))).isNull();
  }

  @Test
  void parsingIntoAnArrayMatchesParsingToAnInstance() {
    long[] parsed = {-5, -5};
    assertThat(Timestamp.parseInto(AvsbValue.of("2017-12-06T07:00:00.25Z"), parsed)).isTrue();
    assertThat(parse("2017-12-06T07:00:00.25Z").compareParsed(parsed)).isZero();
    assertThat(parse("2017-12-06T07:00:00.26Z").compareParsed(parsed)).isNegative();
    assertThat(Timestamp.parseInto(AvsbValue.of("nope"), parsed)).isFalse();
    assertThat(parse("2017-12-06T07:00:00.25Z").compareParsed(parsed)).isZero();
    assertThat(Timestamp.parseInto(AvsbValue.of(0), parsed)).isTrue();
    assertThat(parsed).containsExactly(0, 0);
  }
}
