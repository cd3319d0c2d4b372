package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.ScopedAvsb;
import io.avsb.internal.log.LogCapture;
import io.avsb.spi.AvsbHook;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

class HookedEventProcessorTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private static final String DATA =
      "{\"flags\":{"
          + "\"base\":{\"key\":\"base\",\"version\":1,\"on\":true,\"variations\":[true,false],"
          + "\"fallthrough\":{\"variation\":0}},"
          + "\"child\":{\"key\":\"child\",\"version\":3,\"on\":true,\"variations\":[\"a\",\"b\"],"
          + "\"offVariation\":1,\"prerequisites\":[{\"key\":\"base\",\"variation\":0}],"
          + "\"fallthrough\":{\"variation\":0}}},\"segments\":{}}";

  private static final class Recording implements AvsbHook {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void afterEvaluation(String flagKey, AvsbContext context, EvaluationDetail<AvsbValue> d,
        AvsbValue defaultValue) {
      seen.add("eval " + flagKey + " " + context.key() + " " + d.value() + " " + d.variationIndex()
          + " " + d.reason() + " default " + defaultValue);
    }

    @Override
    public void afterTrack(String key, AvsbContext context, AvsbValue data, Double metric) {
      seen.add("track " + key + " " + context.key() + " " + data.toJson() + " " + metric);
    }

    @Override
    public void afterIdentify(AvsbContext context) {
      seen.add("identify " + context.key());
    }
  }

  @Test
  void hooksSeeCallerEvaluationsTracksAndIdentifiesEvenWithEventsOff() {
    Recording hook = new Recording();
    AvsbConfig config = AvsbConfig.builder(null).dataSource(FixedData.of(DATA))
        .eventsEnabled(false).hooks(hook).build();
    try (AvsbServer server = new AvsbServer(config)) {
      ScopedAvsb avsb = server.forUser(Map.of("kind", "user", "key", "u1"));
      assertThat(avsb.getStringFlag("child", "x")).isEqualTo("a");
      assertThat(avsb.getBoolFlag("missing", true)).isTrue();
      avsb.track("purchase", 149.99, Map.of("currency", "usd"));
      avsb.identify();
    }
    assertThat(hook.seen).containsExactly(
        "eval child u1 \"a\" 0 FALLTHROUGH default \"x\"",
        "eval missing u1 true -1 ERROR(FLAG_NOT_FOUND) default true",
        "track purchase u1 {\"currency\":\"usd\"} 149.99",
        "identify u1");
  }

  @Test
  void hooksSeeTracksWhileTheQueueBehindThemIsFull() {
    RecordingEventProcessor full = new RecordingEventProcessor() {
      @Override
      public boolean dropIfFull() {
        return true;
      }
    };
    Recording hook = new Recording();
    HookedEventProcessor hooked = new HookedEventProcessor(List.of(hook), full);
    assertThat(hooked.dropIfFull()).isFalse();
    try (ClientRuntime runtime = new ClientRuntime(
        AvsbConfig.builder(null).offline(true).build(), (config, scheduler) -> hooked)) {
      runtime.forUser(AvsbContext.of("u1")).track("purchase");
    }
    assertThat(hook.seen).containsExactly("track purchase u1 null null");
    assertThat(full.customs).hasSize(1);
  }

  @Test
  void aThrowingHookDoesNotBreakTheCallOrLaterHooks() {
    Recording later = new Recording();
    AvsbHook broken = new AvsbHook() {
      @Override
      public void afterEvaluation(String k, AvsbContext c, EvaluationDetail<AvsbValue> d,
          AvsbValue defaultValue) {
        throw new IllegalStateException("boom");
      }
    };
    AvsbConfig config = AvsbConfig.builder(null).dataSource(FixedData.of(DATA))
        .eventsEnabled(false).hooks(broken, later).build();
    try (AvsbServer server = new AvsbServer(config)) {
      EvaluationDetail<Boolean> d =
          server.forUser(AvsbContext.of("u2")).getBoolFlagDetail("base", false);
      assertThat(d.value()).isTrue();
      assertThat(d.reason()).isEqualTo(EvaluationReason.fallthrough());
    }
    assertThat(later.seen).containsExactly("eval base u2 true 0 FALLTHROUGH default false");
    assertThat(logs.events(e -> e.level() == Level.ERROR)).singleElement().satisfies(e -> {
      assertThat(e.message()).startsWith("Hook ").endsWith(" threw; it is ignored for this call");
      assertThat(e.throwable()).hasMessage("boom");
    });
  }
}
