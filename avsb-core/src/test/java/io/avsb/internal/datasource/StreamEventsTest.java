package io.avsb.internal.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AvsbValue;
import io.avsb.spi.DataKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  private static SseEvent event(String type, String data) {
    return new SseEvent(type, data, "");
  }
}
