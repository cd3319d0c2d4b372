package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TimestampTest {
  private static Timestamp parse(String s) {
    return Timestamp.parse(AvsbValue.of(s));
  }

  @Test
  void rfc3339StringsGiveTheSameInstantAsJavaTime() {
    String[] texts = {
      "2017-12-06T00:00:00.000-07:00", "2017-12-06T07:00:00Z", "1970-01-01T00:00:00Z",
      "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:34:56.5+05:30", "0001-01-01T00:00:00Z",
      "9999-12-31T23:59:59.123456789-17:59", "2024-03-10t10:00:00z",
    };
    for (String text : texts) {
      Instant expected = OffsetDateTime.parse(text.toUpperCase()).toInstant();
      Timestamp t = parse(text);
      assertThat(t).as(text).isNotNull();
      assertThat(t.seconds()).as(text).isEqualTo(expected.getEpochSecond());
      assertThat(t.nanos()).as(text).isEqualTo(expected.getNano());
    }
  }

  @Test
  void fractionalSecondsKeepTheirPrecision() {
    Timestamp whole = parse("2017-12-06T07:00:00Z");
    Timestamp oneNano = parse("2017-12-06T07:00:00.000000001Z");
    Timestamp tenthMilli = parse("2017-12-06T07:00:00.0001Z");
    assertThat(whole.compareTo(oneNano)).isNegative();
    assertThat(oneNano.compareTo(tenthMilli)).isNegative();
    assertThat(parse("2017-12-06T07:00:00.0001000000000Z").compareTo(tenthMilli)).isZero();
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
  void otherTextAndTypesAreRejected() {
    String[] bad = {
      "2017-12-06", "00:00:00.000-07.00", "badstring", "", "1512543600000",
      "2017-12-06X00:00:00.000-07:00", "2017-02-29T00:00:00Z", "2017-13-01T00:00:00Z",
      "2017-12-06T24:00:00Z", "2017-12-06T23:60:00Z", "2017-12-06T23:59:60Z",
      "2017-12-06T00:00:00", "2017-12-06T00:00:00.Z", "2017-12-06T00:00:00+0700",
      "2017-12-06T00:00:00+07:00:00", "2017-12-06 00:00:00Z", "2017-12-06T00:00:00Z ",
      "2017-12-06T00:00Z", "+2017-12-06T00:00:00Z",
    };
    for (String text : bad) {
      assertThat(parse(text)).as(text).isNull();
    }
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
