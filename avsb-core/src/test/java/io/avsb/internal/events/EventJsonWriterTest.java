package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import io.avsb.internal.json.ReasonJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventJsonWriterTest {
  private static final AvsbContext USER =
      AvsbContext.builder("u1").set("email", "ann@example.com").build();
  private final EventJsonWriter writer =
      new EventJsonWriter(new ContextRedactor(false, Set.of(AttributeRef.of("email"))));

  private static AvsbValue json(String text) {
    return AvsbValue.parse(text);
  }

  private static AvsbValue parsed(byte[] utf8) {
    return AvsbValue.parse(new String(utf8, StandardCharsets.UTF_8));
  }

  private static final String REDACTED_USER =
      "{\"kind\":\"user\",\"key\":\"u1\",\"_meta\":{\"redactedAttributes\":[\"email\"]}}";

  @Test
  void customEventNamesContextKeysAndCarriesDataAndMetric() {
    AvsbContext multi = AvsbContext.multi(USER, AvsbContext.of("org", "o1"));
    CustomEvent e = new CustomEvent(
        1234, multi, "purchase", json("{\"currency\":\"usd\"}"), 149.99);
    assertThat(parsed(writer.custom(e))).isEqualTo(json(
        "{\"kind\":\"custom\",\"creationDate\":1234,\"key\":\"purchase\","
            + "\"contextKeys\":{\"org\":\"o1\",\"user\":\"u1\"},"
            + "\"data\":{\"currency\":\"usd\"},\"metricValue\":149.99}"));
  }

  @Test
  void customEventOmitsNullDataAndMissingMetric() {
    CustomEvent e = new CustomEvent(5, USER, "clicked", AvsbValue.NULL, null);
    assertThat(parsed(writer.custom(e))).isEqualTo(json(
        "{\"kind\":\"custom\",\"creationDate\":5,\"key\":\"clicked\","
            + "\"contextKeys\":{\"user\":\"u1\"}}"));
  }

  @Test
  void featureEventCarriesRedactedContextAndReasonWhenAsked() {
    EvaluationEvent e = new EvaluationEvent(10, USER, "flag", 7, 1, AvsbValue.of("b"),
        AvsbValue.of("dflt"), EvaluationReason.ruleMatch(0, "r0", false), "parent", true, true);
    assertThat(parsed(writer.feature(e))).isEqualTo(json(
        "{\"kind\":\"feature\",\"creationDate\":10,\"key\":\"flag\",\"version\":7,"
            + "\"context\":" + REDACTED_USER + ",\"variation\":1,\"value\":\"b\","
            + "\"default\":\"dflt\",\"reason\":{\"kind\":\"RULE_MATCH\",\"ruleIndex\":0,"
            + "\"ruleId\":\"r0\"},\"prereqOf\":\"parent\"}"));
  }

  @Test
  void featureEventCarriesReasonForExperimentsEvenUnasked() {
    EvaluationEvent e = new EvaluationEvent(10, USER, "flag", 7, 0, AvsbValue.TRUE,
        AvsbValue.FALSE, EvaluationReason.fallthrough(true), null, true, false);
    AvsbValue out = parsed(writer.feature(e));
    assertThat(out.get("reason")).isEqualTo(json("{\"kind\":\"FALLTHROUGH\",\"inExperiment\":true}"));
    assertThat(out.get("prereqOf")).isEqualTo(AvsbValue.NULL);
  }

  @Test
  void featureEventOmitsReasonUnlessAskedOrInExperiment() {
    EvaluationEvent e = new EvaluationEvent(10, USER, "flag", 7, 0, AvsbValue.TRUE,
        AvsbValue.FALSE, EvaluationReason.off(), null, true, false);
    assertThat(((AvsbValue.Obj) parsed(writer.feature(e))).values()).doesNotContainKey("reason");
  }

  @Test
  void reasonsCarryTheirKindsFields() {
    assertThat(ReasonJson.of(EvaluationReason.prerequisiteFailed("p")))
        .isEqualTo(json("{\"kind\":\"PREREQUISITE_FAILED\",\"prerequisiteKey\":\"p\"}"));
    assertThat(ReasonJson.of(EvaluationReason.error(EvaluationReason.ErrorKind.WRONG_TYPE)))
        .isEqualTo(json("{\"kind\":\"ERROR\",\"errorKind\":\"WRONG_TYPE\"}"));
    assertThat(ReasonJson.of(EvaluationReason.ruleMatch(2, null, true)))
        .isEqualTo(json("{\"kind\":\"RULE_MATCH\",\"ruleIndex\":2,\"inExperiment\":true}"));
  }

  @Test
  void indexAndIdentifyCarryTheRedactedContext() {
    assertThat(parsed(writer.index(3, USER))).isEqualTo(json(
        "{\"kind\":\"index\",\"creationDate\":3,\"context\":" + REDACTED_USER + "}"));
    assertThat(parsed(writer.identify(new IdentifyEvent(4, USER)))).isEqualTo(json(
        "{\"kind\":\"identify\",\"creationDate\":4,\"context\":" + REDACTED_USER + "}"));
  }

  @Test
  void summaryListsCountersWithUnknownFlagsMarked() {
    Map<String, EventSummary.FlagCounts> flags = new LinkedHashMap<>();
    flags.put("known", new EventSummary.FlagCounts(AvsbValue.FALSE, List.of("user", "org"), List.of(
        new EventSummary.Counter(1, 4, AvsbValue.TRUE, 12),
        new EventSummary.Counter(-1, 4, AvsbValue.FALSE, 2))));
    flags.put("missing", new EventSummary.FlagCounts(AvsbValue.of("d"), List.of("user"), List.of(
        new EventSummary.Counter(-1, -1, AvsbValue.of("d"), 3))));
    assertThat(parsed(writer.summary(new EventSummary(100, 200, flags)))).isEqualTo(json(
        "{\"kind\":\"summary\",\"startDate\":100,\"endDate\":200,\"features\":{"
            + "\"known\":{\"default\":false,\"contextKinds\":[\"user\",\"org\"],\"counters\":["
            + "{\"variation\":1,\"version\":4,\"value\":true,\"count\":12},"
            + "{\"version\":4,\"value\":false,\"count\":2}]},"
            + "\"missing\":{\"default\":\"d\",\"contextKinds\":[\"user\"],\"counters\":["
            + "{\"unknown\":true,\"value\":\"d\",\"count\":3}]}}}"));
  }
}
