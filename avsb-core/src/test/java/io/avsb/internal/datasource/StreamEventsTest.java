package io.avsb.internal.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AvsbValue;
import io.avsb.internal.log.LogCapture;
import io.avsb.internal.store.DataSourceStatusTracker;
import io.avsb.internal.store.FlagStore;
import io.avsb.internal.store.StoreUpdates;
import java.time.Clock;
import java.util.List;
import io.avsb.spi.DataKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.Level;

class StreamEventsTest {
  private final RecordingUpdates store = new RecordingUpdates();
  private final StreamEvents events = new StreamEvents(1 << 20);

  @Test
  void putReplacesAllDataAndFillsMissingKinds() throws Exception {
    StreamEvents.Outcome outcome =
        events.apply(event("put", "{\"data\": {\"flags\": {\"f\": {\"key\": \"f\", \"version\": 2}}}}"), store);

    assertThat(outcome).isEqualTo(StreamEvents.Outcome.PUT);
    assertThat(store.calls()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo(AvsbValue.parse(
        "{\"flags\": {\"f\": {\"key\": \"f\", \"version\": 2}}, \"segments\": {}}")));
    assertThat(store.items(DataKind.FLAGS)).containsOnlyKeys("f");
  }

  @Test
  void patchUpsertsAFlagOrASegment() throws Exception {
    events.apply(event("patch", "{\"path\": \"/flags/f\", \"data\": {\"key\": \"f\", \"version\": 3}}"), store);
    events.apply(event("patch", "{\"path\": \"/segments/s\", \"data\": {\"key\": \"s\", \"version\": 1}}"), store);

    assertThat(store.items(DataKind.FLAGS).get("f").get("version").intValue()).isEqualTo(3);
    assertThat(store.items(DataKind.SEGMENTS)).containsOnlyKeys("s");
  }

  @Test
  void deleteHandsKindKeyAndVersionToTheStore() throws Exception {
    events.apply(event("patch", "{\"path\": \"/flags/f\", \"data\": {\"key\": \"f\", \"version\": 3}}"), store);

    events.apply(event("delete", "{\"path\": \"/flags/f\", \"version\": 4}"), store);

    assertThat(store.calls()).last().isEqualTo(new RecordingUpdates.Call("delete", DataKind.FLAGS, "f", null, 4));
    assertThat(store.items(DataKind.FLAGS)).isEmpty();
  }

  @Test
  void unknownEventIsIgnored() throws Exception {
    assertThat(events.apply(event("message", "anything"), store)).isEqualTo(StreamEvents.Outcome.IGNORED);
    assertThat(store.calls()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "put    | {\"data\": {\"flags\": {\"f\": |not valid JSON",
        "put    | {\"flags\": {}}                 |put event's \"data\" is not a JSON object",
        "put    | {\"data\": []}                  |put event's \"data\" is not a JSON object",
        "put    | {\"data\": {\"flags\": []}}     |\"flags\" that is not an object",
        "patch  | {\"path\": \"/flags/f\"}        |has no \"data\" object",
        "patch  | {\"path\": \"/flags/f\", \"data\": 3} |has no \"data\" object",
        "patch  | {\"path\": \"/flags/\", \"data\": {}} |path of unknown shape",
        "patch  | {\"data\": {}}                  |has no \"path\"",
        "delete | {\"path\": \"/flags/f\"}        |no valid \"version\"",
        "delete | {\"path\": \"/flags/f\", \"version\": 1.5} |no valid \"version\"",
        "delete | {\"path\": \"/flags/f\", \"version\": -1} |no valid \"version\"",
        "delete | [1, 2]                          |has no \"path\"",
      })
  void malformedEventChangesNothing(String type, String data, String message) {
    assertThatThrownBy(() -> events.apply(event(type.trim(), data.trim()), store))
        .isInstanceOf(StreamDataException.class)
        .hasMessageContaining(message.trim());
    assertThat(store.calls()).isEmpty();
  }

  @Test
  void malformedMessagesCarryNoPayloadText() {
    assertThatThrownBy(() -> events.apply(event("put", "{\"data\": \"secret-value\""), store))
        .isInstanceOf(StreamDataException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value"));
  }

  @Test
  void patchOrDeleteForAKindThisSdkDoesNotKnowIsIgnored() throws Exception {
    try (LogCapture log = new LogCapture()) {
      assertThat(events.apply(event("patch", "{\"path\": \"/widgets/w\", \"data\": {}}"), store))
          .isEqualTo(StreamEvents.Outcome.IGNORED);
      assertThat(events.apply(event("delete", "{\"path\": \"/widgets/w\", \"version\": 2}"), store))
          .isEqualTo(StreamEvents.Outcome.IGNORED);

      assertThat(log.linesWith("INFO")).singleElement().satisfies(l -> assertThat(l).contains("\"widgets\""));
    }
    assertThat(store.calls()).isEmpty();
  }

  @Test
  void numberTooLargeForADoubleMakesOnlyItsItemMalformed() throws Exception {
    FlagStore flags = new FlagStore();
    StoreUpdates real = new StoreUpdates(flags, new DataSourceStatusTracker(Clock.systemUTC()));
    List<String> warnings;
    try (LogCapture log = new LogCapture()) {
      events.apply(event("put", "{\"data\": {\"flags\": {\"good\": {\"version\": 2},"
          + " \"bad\": {\"version\": 3, \"variations\": [1, 1e400]}}}}"), real);
      events.apply(event("patch", "{\"path\": \"/segments/s\", \"data\": {\"version\": 4,"
          + " \"rules\": [{\"weight\": -9e999}]}, \"ignored\": 1e400}"), real);
      warnings = log.messages(Level.WARN, "io.avsb.store");
    }

    assertThat(warnings).satisfiesExactly(
        m -> assertThat(m).contains("1 of 2 flags", "\"bad\": a number out of range: 1e400"),
        m -> assertThat(m).contains("Segment \"s\" (version 4) from an update is malformed",
            "a number out of range in \"weight\": -9e999"));
    assertThat(flags.snapshot().flag("good").malformedError()).isNull();
    assertThat(flags.snapshot().flag("bad").malformedError())
        .isEqualTo("a number out of range: 1e400");
    assertThat(flags.snapshot().flag("bad").version()).isEqualTo(3);
    assertThat(flags.snapshot().segment("s").malformedError())
        .isEqualTo("a number out of range in \"weight\": -9e999");
  }

  @Test
  void jsonBeyondAReadLimitIsReportedAsThatLimitNotAsInvalidJson() {
    assertThatThrownBy(() -> events.apply(event("put", "{\"data\": {\"flags\": {\"f\": {\"version\": "
        + "1".repeat(1001) + "}}}}"), store))
        .isInstanceOf(StreamDataException.class)
        .hasMessage("put event holds a number longer than 1000 characters");
    assertThatThrownBy(() -> events.apply(event("patch", "{\"path\": \"/flags/f\", \"data\": "
        + "[".repeat(300) + "]".repeat(300) + "}"), store))
        .isInstanceOf(StreamDataException.class)
        .hasMessage("patch event holds JSON nested deeper than 200 levels");
    assertThat(store.calls()).isEmpty();
  }

  @Test
  void pathWithLineBreaksIsEscapedInTheMessage() {
    assertThatThrownBy(() -> events.apply(event("patch", "{\"path\": \"/flags/a\\nWARN forged\", \"data\": 1}"), store))
        .hasMessage("patch event for \"/flags/a\\u000aWARN forged\" has no \"data\" object");
  }

  private static SseEvent event(String type, String data) {
    return new SseEvent(type, data, "");
  }
}
