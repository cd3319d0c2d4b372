package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import io.avsb.internal.events.CustomEvent;
import io.avsb.internal.log.LogCapture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

class TrackerTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final RecordingEventProcessor events = new RecordingEventProcessor();
  private final ClientRuntime runtime = new ClientRuntime(
      AvsbConfig.builder(null).offline(true).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build(),
      (config, scheduler) -> events);

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void trackRecordsKeyDataMetricAndTime() {
    AvsbContext user = AvsbContext.of("u1");
    runtime.forUser(user).track("purchase", 149.99, Map.of("currency", "usd"));
    assertThat(events.customs).singleElement().satisfies(e -> {
      assertThat(e.key()).isEqualTo("purchase");
      assertThat(e.context()).isEqualTo(user);
      assertThat(e.metricValue()).isEqualTo(149.99);
      assertThat(e.data()).isEqualTo(AvsbValue.parse("{\"currency\":\"usd\"}"));
      assertThat(e.creationDate()).isEqualTo(NOW.toEpochMilli());
    });
  }

  @Test
  void aFullQueueDropsTheTrackBeforeItsDataIsConverted() {
    RecordingEventProcessor full = new RecordingEventProcessor() {
      @Override
      public boolean dropIfFull() {
        return true;
      }
    };
    try (ClientRuntime overloaded = new ClientRuntime(
        AvsbConfig.builder(null).offline(true).build(), (config, scheduler) -> full)) {
      // an entry with no JSON form would be reported while converting: it is never reached
      overloaded.forUser(AvsbContext.of("u1")).track("purchase", Map.of("bad", new Object()));
      assertThat(full.customs).isEmpty();
      assertThat(logs.linesWith("no JSON form")).isEmpty();
    }
  }

  @Test
  void trackWithoutDataOrMetricRecordsNullDataAndNoMetric() {
    runtime.forUser(AvsbContext.of("u1")).track("signup");
    CustomEvent e = events.customs.get(0);
    assertThat(e.data()).isEqualTo(AvsbValue.NULL);
    assertThat(e.metricValue()).isNull();
  }

  @Test
  void unconvertibleEntryIsDroppedAndTheRestKept() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ok", 1);
    data.put("bad", new Object());
    runtime.forUser(AvsbContext.of("u1")).track("clicked", data);
    assertThat(events.customs).singleElement()
        .extracting(CustomEvent::data).isEqualTo(AvsbValue.parse("{\"ok\":1}"));
  }

  @Test
  void cyclicOrDeepEntriesAreDroppedWithOneLineAndTheEventKept() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ok", 1);
    Map<String, Object> loop = new LinkedHashMap<>();
    loop.put("me", loop);
    data.put("loop", loop);
    Object deep = "leaf";
    for (int i = 0; i < 100_000; i++) {
      deep = java.util.List.of(deep);
    }
    data.put("deep", deep);
    try (LogCapture log = new LogCapture()) {
      runtime.forUser(AvsbContext.of("u1")).track("bad\ndata", data);
      runtime.forUser(AvsbContext.of("u2")).track("bad\ndata", data);
      assertThat(log.linesWith("track(")).singleElement().asString()
          .contains("\"bad\\u000adata\"", "\"loop\"", "cyclic");
    }
    assertThat(events.customs).hasSize(2).allSatisfy(e ->
        assertThat(e.data()).isEqualTo(AvsbValue.parse("{\"ok\":1}")));
  }

  @Test
  void nonFiniteMetricIsDropped() {
    runtime.forUser(AvsbContext.of("u1")).track("m", Double.NaN, null);
    assertThat(events.customs).singleElement()
        .extracting(CustomEvent::metricValue).isNull();
  }

  @Test
  void invalidContextOrMissingKeyRecordsNothing() {
    ScopedAvsb invalid = runtime.forUser(AvsbContext.fromMap(Map.of("kind", "user", "key", "")));
    invalid.track("purchase");
    invalid.identify();
    runtime.forUser(AvsbContext.of("u1")).track(null);
    runtime.forUser(AvsbContext.of("u1")).track("");
    assertThat(events.customs).isEmpty();
    assertThat(events.identifies).isEmpty();
  }

  @Test
  void identifyRecordsTheContext() {
    AvsbContext org = AvsbContext.of("org", "o1");
    runtime.forUser(org).identify();
    assertThat(events.identifies).singleElement().satisfies(e -> {
      assertThat(e.context()).isEqualTo(org);
      assertThat(e.creationDate()).isEqualTo(NOW.toEpochMilli());
    });
  }

  @Test
  void brokenProcessorDoesNotReachTheCaller() {
    ClientRuntime broken = new ClientRuntime(AvsbConfig.builder(null).offline(true).build(),
        (config, scheduler) -> new RecordingEventProcessor() {
          @Override
          public void recordCustom(CustomEvent event) {
            throw new IllegalStateException("queue broken");
          }
        });
    try {
      broken.forUser(AvsbContext.of("u1")).track("x");
    } finally {
      broken.close();
    }
    assertThat(logs.events(e -> e.level() == Level.ERROR)).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("Recording a custom event failed; the event is dropped");
      assertThat(e.throwable()).hasMessage("queue broken");
    });
  }

  @Test
  void flushAndCloseReachTheProcessorAndCloseIsIdempotent() {
    runtime.flush();
    runtime.close();
    runtime.close();
    assertThat(events.flushes).hasValue(1);
    assertThat(events.closes).hasValue(1);
  }
}
