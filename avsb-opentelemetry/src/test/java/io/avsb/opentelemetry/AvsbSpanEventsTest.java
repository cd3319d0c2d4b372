package io.avsb.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.TestData;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AvsbSpanEvents} on a real server, spans recorded by the OpenTelemetry SDK in memory. */
class AvsbSpanEventsTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracing = SdkTracerProvider.builder()
      .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final SdkTracerProvider unsampled = SdkTracerProvider.builder()
      .setSampler(Sampler.alwaysOff()).addSpanProcessor(SimpleSpanProcessor.create(exporter))
      .build();

  @AfterEach
  void close() {
    tracing.close();
    unsampled.close();
  }

  private static AvsbServer server(AvsbSpanEvents hook) {
    TestData data = TestData.create();
    data.update(data.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .fallthroughVariation(false));
    data.update(data.flag("ui-theme").variations("default", "dark").offVariation(0).on(false));
    return AvsbServer.builder(null).dataSource(data).eventsEnabled(false)
        .startWait(Duration.ofSeconds(5)).hooks(hook).buildServer();
  }

  /** Runs {@code work} inside one span of {@code provider} and returns the span's events. */
  private List<EventData> inSpan(SdkTracerProvider provider, Consumer<Span> work) {
    Tracer tracer = provider.get("test");
    Span span = tracer.spanBuilder("GET /checkout").startSpan();
    Scope current = span.makeCurrent();
    try {
      work.accept(span);
    } finally {
      current.close();
      span.end();
    }
    List<SpanData> spans = exporter.getFinishedSpanItems();
    return spans.isEmpty() ? List.of() : spans.get(spans.size() - 1).getEvents();
  }

  @Test
  void anEvaluationInARecordingSpanAddsTheConventionsEvent() {
    try (AvsbServer server = server(AvsbSpanEvents.create())) {
      List<EventData> events = inSpan(tracing, span -> {
        server.forUser(AvsbContext.of("u_power")).getBoolFlag("checkout-v2", false);
        server.forUser(AvsbContext.of("u1")).getStringFlag("ui-theme", "x");
      });
      assertThat(events).extracting(EventData::getName)
          .containsExactly("feature_flag.evaluation", "feature_flag.evaluation");
      Attributes first = events.get(0).getAttributes();
      assertThat(first.get(AvsbSpanEvents.KEY)).isEqualTo("checkout-v2");
      assertThat(first.get(AvsbSpanEvents.PROVIDER)).isEqualTo("A vs B");
      assertThat(first.get(AvsbSpanEvents.VARIANT)).isEqualTo("0");
      assertThat(first.get(AvsbSpanEvents.REASON)).isEqualTo("targeting_match");
      assertThat(first.get(AvsbSpanEvents.ERROR_TYPE)).isNull();
      assertThat(first.get(AvsbSpanEvents.CONTEXT_ID)).isNull();
      Attributes second = events.get(1).getAttributes();
      assertThat(second.get(AvsbSpanEvents.KEY)).isEqualTo("ui-theme");
      assertThat(second.get(AvsbSpanEvents.REASON)).isEqualTo("disabled");
    }
  }

  @Test
  void errorsCarryTheErrorTypeAndNoVariant() {
    try (AvsbServer server = server(AvsbSpanEvents.create())) {
      List<EventData> events = inSpan(tracing, span -> {
        ScopedAvsb u1 = server.forUser(AvsbContext.of("u1"));
        u1.getIntFlag("ui-theme", 3);
        u1.getBoolFlag("missing", true);
      });
      assertThat(events).hasSize(2);
      Attributes wrongType = events.get(0).getAttributes();
      assertThat(wrongType.get(AvsbSpanEvents.REASON)).isEqualTo("error");
      assertThat(wrongType.get(AvsbSpanEvents.ERROR_TYPE)).isEqualTo("type_mismatch");
      assertThat(wrongType.get(AvsbSpanEvents.VARIANT)).isNull();
      assertThat(events.get(1).getAttributes().get(AvsbSpanEvents.ERROR_TYPE))
          .isEqualTo("flag_not_found");
    }
  }

  @Test
  void theContextIdIsRecordedOnlyWhenEnabled() {
    AvsbSpanEvents hook = AvsbSpanEvents.builder().includeContextId(true)
        .providerName("checkout flags").build();
    try (AvsbServer server = server(hook)) {
      AvsbContext multi = AvsbContext.multi(AvsbContext.of("u1"), AvsbContext.of("org", "acme"));
      List<EventData> events = inSpan(tracing, span -> {
        server.forUser(AvsbContext.of("u_power")).getBoolFlag("checkout-v2", false);
        server.forUser(multi).getBoolFlag("checkout-v2", false);
      });
      assertThat(events.get(0).getAttributes().get(AvsbSpanEvents.CONTEXT_ID)).isEqualTo("u_power");
      assertThat(events.get(0).getAttributes().get(AvsbSpanEvents.PROVIDER))
          .isEqualTo("checkout flags");
      assertThat(events.get(1).getAttributes().get(AvsbSpanEvents.CONTEXT_ID))
          .isEqualTo(multi.fullyQualifiedKey()).contains("acme").contains("u1");
    }
  }

  @Test
  void withoutARecordingSpanNothingIsAddedOrAllocated() {
    try (AvsbServer server = server(AvsbSpanEvents.create())) {
      ScopedAvsb u1 = server.forUser(AvsbContext.of("u1"));
      assertThat(inSpan(unsampled, span -> u1.getBoolFlag("checkout-v2", true))).isEmpty();
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long sink = 0;
      for (int i = 0; i < 20_000; i++) {
        sink += u1.getBoolFlag("checkout-v2", true) ? 0 : 1;
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 10_000; i++) {
        sink += u1.getBoolFlag("checkout-v2", true) ? 0 : 1;
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(sink).isEqualTo(30_000);
      // 10,000 calls allocating even one small object each would be over 160 KB; under 1 B a
      // call leaves room for one-off work (a summary counter cell made once), not per-call garbage
      assertThat(allocated).isLessThan(10_000);
    }
  }

  @Test
  void aBlankProviderNameIsRefused() {
    assertThatThrownBy(() -> AvsbSpanEvents.builder().providerName(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("providerName");
  }
}
