package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import io.avsb.spi.DataKind;
import io.avsb.testing.AllocationMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScopedClientTest {
  private static final String DATA = """
      {"flags": {
        "bool": {"key": "bool", "version": 1, "on": true, "variations": [true, false],
                 "fallthrough": {"variation": 0}, "offVariation": 1,
                 "clientSideAvailability": {"usingEnvironmentId": true, "usingMobileKey": true}},
        "str": {"key": "str", "version": 2, "on": true, "variations": ["s"],
                "fallthrough": {"variation": 0}, "offVariation": 0,
                "clientSideAvailability": {"usingEnvironmentId": true, "usingMobileKey": false}},
        "pos": {"key": "pos", "version": 1, "on": true, "variations": [2.9],
                "fallthrough": {"variation": 0}, "offVariation": 0},
        "neg": {"key": "neg", "version": 1, "on": true, "variations": [-2.9],
                "fallthrough": {"variation": 0}, "offVariation": 0},
        "huge": {"key": "huge", "version": 1, "on": true, "variations": [1.2e29],
                "fallthrough": {"variation": 0}, "offVariation": 0},
        "int": {"key": "int", "version": 1, "on": true, "variations": [7],
                "fallthrough": {"variation": 0}, "offVariation": 0},
        "json": {"key": "json", "version": 1, "on": true, "variations": [[1, "two"]],
                 "fallthrough": {"variation": 0}, "offVariation": 0},
        "null": {"key": "null", "version": 1, "on": true, "variations": [null],
                 "fallthrough": {"variation": 0}, "offVariation": 0},
        "off-no-variation": {"key": "off-no-variation", "version": 4, "on": false,
                 "variations": ["a"], "fallthrough": {"variation": 0},
                 "clientSideAvailability": {"usingEnvironmentId": true}},
        "hidden": {"key": "hidden", "version": 1, "on": true, "variations": ["h"],
                 "fallthrough": {"variation": 0}, "offVariation": 0,
                 "clientSideAvailability": {"usingEnvironmentId": false, "usingMobileKey": true}},
        "broken": {"key": "broken", "version": 3, "on": true, "variations": ["a"],
                 "fallthrough": {"variation": 5}, "offVariation": 0,
                 "clientSideAvailability": {"usingEnvironmentId": true}},
        "gone": {"key": "gone", "version": 9, "deleted": true}
      }, "segments": {}}
      """;

  private final FixedData data = FixedData.of(DATA);
  private final AvsbServer server =
      AvsbServer.builder(null).dataSource(data).eventsEnabled(false).buildServer();
  private final ScopedAvsb avsb = server.forUser(AvsbContext.of("u1"));

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void gettersReturnValuesOfTheirType() {
    assertThat(avsb.getBoolFlag("bool", false)).isTrue();
    assertThat(avsb.getStringFlag("str", "d")).isEqualTo("s");
    assertThat(avsb.getIntFlag("int", 0)).isEqualTo(7);
    assertThat(avsb.getDoubleFlag("int", 0)).isEqualTo(7.0);
    assertThat(avsb.getJsonFlag("json", AvsbValue.NULL))
        .isEqualTo(AvsbValue.arrayOf(AvsbValue.of(1), AvsbValue.of("two")));
    assertThat(avsb.getBoolFlagDetail("bool", false))
        .isEqualTo(EvaluationDetail.of(true, 0, EvaluationReason.fallthrough()));
  }

  @Test
  void intGetterTruncatesTowardZero() {
    assertThat(avsb.getIntFlag("pos", 0)).isEqualTo(2);
    assertThat(avsb.getIntFlag("neg", 0)).isEqualTo(-2);
    assertThat(avsb.getIntFlagDetail("neg", 0))
        .isEqualTo(EvaluationDetail.of(-2, 0, EvaluationReason.fallthrough()));
    assertThat(avsb.getDoubleFlag("neg", 0)).isEqualTo(-2.9);
  }

  @Test
  void aNumberOutOfIntRangeGivesTheDefaultWithWrongTypeNotAClampedValue() {
    EvaluationReason wrongType = EvaluationReason.error(ErrorKind.WRONG_TYPE);
    assertThat(avsb.getIntFlagDetail("huge", 5))
        .isEqualTo(EvaluationDetail.of(5, EvaluationDetail.NO_VARIATION, wrongType));
    assertThat(avsb.getDoubleFlag("huge", 0)).isEqualTo(1.2e29);
  }

  @Test
  void valueOfAnotherTypeGivesTheDefaultWithWrongType() {
    EvaluationReason wrongType = EvaluationReason.error(ErrorKind.WRONG_TYPE);
    assertThat(avsb.getBoolFlagDetail("str", true))
        .isEqualTo(EvaluationDetail.of(true, EvaluationDetail.NO_VARIATION, wrongType));
    assertThat(avsb.getStringFlagDetail("int", "d"))
        .isEqualTo(EvaluationDetail.of("d", EvaluationDetail.NO_VARIATION, wrongType));
    assertThat(avsb.getIntFlagDetail("bool", 4).reason()).isEqualTo(wrongType);
    assertThat(avsb.getDoubleFlagDetail("json", 1.5).value()).isEqualTo(1.5);
    assertThat(avsb.getStringFlagDetail("null", "d").reason()).isEqualTo(wrongType);
    assertThat(avsb.getIntFlag("str", 3)).isEqualTo(3);
    assertThat(avsb.getDoubleFlag("bool", 2.5)).isEqualTo(2.5);
  }

  @Test
  void jsonGetterTakesAnyValueIncludingNull() {
    assertThat(avsb.getJsonFlag("null", AvsbValue.of("d"))).isEqualTo(AvsbValue.NULL);
    assertThat(avsb.getJsonFlag("bool", null)).isEqualTo(AvsbValue.TRUE);
    assertThat(avsb.getJsonFlagDetail("str", null))
        .isEqualTo(EvaluationDetail.of(AvsbValue.of("s"), 0, EvaluationReason.fallthrough()));
  }

  @Test
  void offFlagWithoutOffVariationGivesTheDefaultWithReasonOff() {
    assertThat(avsb.getStringFlagDetail("off-no-variation", "d"))
        .isEqualTo(EvaluationDetail.of("d", EvaluationDetail.NO_VARIATION, EvaluationReason.off()));
  }

  @Test
  void malformedFlagGivesTheDefaultWithMalformedFlag() {
    assertThat(avsb.getStringFlagDetail("broken", "d")).isEqualTo(EvaluationDetail.of("d",
        EvaluationDetail.NO_VARIATION, EvaluationReason.error(ErrorKind.MALFORMED_FLAG)));
  }

  @Test
  void deletedFlagIsNotFound() {
    assertThat(avsb.getStringFlagDetail("gone", "d").reason())
        .isEqualTo(EvaluationReason.error(ErrorKind.FLAG_NOT_FOUND));
    data.updates().delete(DataKind.FLAGS, "str", 3);
    assertThat(avsb.getStringFlagDetail("str", "d").reason())
        .isEqualTo(EvaluationReason.error(ErrorKind.FLAG_NOT_FOUND));
  }

  @Test
  void allFlagsStateHoldsOnlyClientSideFlags() {
    FeatureFlagsState state = avsb.allFlagsState();
    assertThat(state.isValid()).isTrue();
    assertThat(state.flags()).containsOnlyKeys("bool", "str", "off-no-variation", "broken");
    assertThat(AvsbValue.parse(state.toJson())).isEqualTo(AvsbValue.parse("""
        {"bool": true, "broken": null, "off-no-variation": null, "str": "s",
         "$flagsState": {
           "bool": {"variation": 0, "version": 1, "reason": {"kind": "FALLTHROUGH"}},
           "broken": {"version": 3, "reason": {"kind": "ERROR", "errorKind": "MALFORMED_FLAG"}},
           "off-no-variation": {"version": 4, "reason": {"kind": "OFF"}},
           "str": {"variation": 0, "version": 2, "reason": {"kind": "FALLTHROUGH"}}
         },
         "$valid": true}
        """));
    assertThat(server.allFlagsState(AvsbContext.of("u1"))).isEqualTo(state);
  }

  @Test
  void allFlagsStateOfAnInvalidContextIsInvalid() {
    assertThat(server.allFlagsState(AvsbContext.of("")).toJson())
        .isEqualTo("{\"$flagsState\":{},\"$valid\":false}");
  }

  @Test
  void helperIsBoundToItsContext() {
    AvsbContext org = AvsbContext.of("org", "o1");
    assertThat(server.forUser(org).context()).isSameAs(org);
  }

  @Test
  void primitiveGettersAllocateNothingWithEventsOff() {
    AllocationMeter meter = AllocationMeter.forCurrentThread();
    long sink = 0;
    for (int i = 0; i < 20_000; i++) {
      sink += read(avsb);
    }
    long before = meter.allocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      sink += read(avsb);
    }
    long allocated = meter.allocatedBytes() - before;
    assertThat(sink).isPositive();
    // the measurement itself may allocate a few bytes; 10,000 calls allocating even one object
    // each would be well over 100 KB
    assertThat(allocated).isLessThan(1_000);
  }

  private static long read(ScopedAvsb avsb) {
    long n = avsb.getBoolFlag("bool", false) ? 1 : 0;
    n += avsb.getIntFlag("int", 0);
    n += (long) avsb.getDoubleFlag("pos", 0);
    n += avsb.getBoolFlag("missing", true) ? 1 : 0;
    n += avsb.getIntFlag("str", 1);
    return n;
  }
}
