package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import io.avsb.internal.store.DataSourceStatusTracker;
import io.avsb.internal.log.LogCapture;
import io.avsb.spi.DataKind;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreUpdatesHostileInputTest {
  private final FlagStore store = new FlagStore();
  private final StoreUpdates updates =
      new StoreUpdates(store, new DataSourceStatusTracker(Clock.systemUTC()));

  private static AvsbValue flag(String version) {
    return AvsbValue.parse("{\"version\":" + version + ",\"on\":true,\"variations\":[true,false],"
        + "\"fallthrough\":{\"variation\":0}}");
  }

  @Test
  void versionTooLargeForAnIntMakesTheItemMalformedAtVersionZeroSoTheNextPatchReplacesIt() {
    updates.init(AvsbValue.parse("{\"flags\": {}}"));
    try (LogCapture log = new LogCapture()) {
      assertThat(updates.upsert(DataKind.FLAGS, "f", flag("1e300"))).isTrue();

      assertThat(store.snapshot().flag("f").malformedError()).isEqualTo("version must be an integer");
      assertThat(store.snapshot().flag("f").version()).isZero();
      assertThat(log.linesWith("WARN io.avsb.store")).singleElement().satisfies(l ->
          assertThat(l).contains("Flag \"f\" (version 0) from an update is malformed"));
    }
    assertThat(updates.upsert(DataKind.FLAGS, "f", flag("2"))).isTrue();
    assertThat(store.snapshot().flag("f").malformedError()).isNull();
    assertThat(store.snapshot().flag("f").version()).isEqualTo(2);
  }

  @Test
  void malformedItemsOfADataSetAreOneLineWithTheirCountAndFirstKeysEscaped() {
    StringBuilder flags = new StringBuilder("\"good\":" + flag("1").toJson());
    flags.append(",\"evil\\nWARN forged line\":{\"rules\":7}");
    for (int i = 0; i < 999; i++) {
      flags.append(",\"bad-").append(i).append("\":{\"variations\":\"not an array\"}");
    }
    AvsbValue data = AvsbValue.parse("{\"flags\":{" + flags + "}}");
    List<String> first;
    List<String> again;
    try (LogCapture log = new LogCapture()) {
      updates.init(data);
      first = log.lines();
      updates.init(data);
      again = log.lines();
    }

    assertThat(first).filteredOn(l -> l.contains("WARN")).singleElement().satisfies(l -> assertThat(l)
        .contains("1000 of 1001 flags and 0 of 0 segments")
        .contains("flag \"evil\\u000aWARN forged line\": rules must be an array")
        .contains("flag \"bad-0\": variations must be an array")
        .contains("and 995 more"));
    assertThat(first).noneMatch(l -> l.startsWith("WARN forged line"));
    assertThat(again).as("the same malformed items again (a reconnect) log nothing more at WARN")
        .filteredOn(l -> l.contains("WARN")).hasSize(1);
    assertThat(store.snapshot().flag("good").malformedError()).isNull();
    assertThat(store.snapshot().flag("bad-998").malformedError()).isNotNull();
  }

  @Test
  void equalPartsOfManyFlagsAreSharedWithinOneDataSet() {
    updates.init(AvsbValue.parse("{\"flags\":{\"a\":" + flag("1").toJson() + ",\"b\":"
        + flag("2").toJson() + "}}"));

    Flag a = store.snapshot().flag("a");
    Flag b = store.snapshot().flag("b");
    assertThat(a.variations()).isSameAs(b.variations());
    assertThat(a.fallthrough()).isSameAs(b.fallthrough());
    assertThat(a.segmentKeys()).isSameAs(b.segmentKeys());
  }
}
