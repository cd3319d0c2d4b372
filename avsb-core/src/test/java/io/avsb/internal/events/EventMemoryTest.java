package io.avsb.internal.events;

import static io.avsb.internal.events.TestEvents.custom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import io.avsb.internal.log.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Event memory bounded in bytes, and one bad event dropped alone. */
class EventMemoryTest {
  private static final int KIB = 1024;
  private static final AvsbContext ANN = AvsbContext.of("ann");
  private static final AvsbContext BOB = AvsbContext.of("bob");

  private final RecordingSender sender = new RecordingSender();
  private DefaultEventProcessor processor;

  private DefaultEventProcessor start(AvsbConfig.Builder config) {
    processor = new DefaultEventProcessor(
        config.flushInterval(Duration.ofHours(1)).build(), sender, Duration.ofSeconds(5));
    return processor;
  }

  @AfterEach
  void closeProcessor() {
    if (processor != null) {
      processor.close();
    }
  }

  /** Data whose JSON form is about {@code bytes} long: 20 strings. */
  private static AvsbValue dataOf(int bytes) {
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      out.put("f" + i, AvsbValue.of("x".repeat(bytes / 20 - 8)));
    }
    return new AvsbValue.Obj(out);
  }

  private static AvsbValue nested(int depth) {
    AvsbValue v = AvsbValue.of("leaf");
    for (int i = 0; i < depth; i++) {
      v = AvsbValue.arrayOf(v);
    }
    return v;
  }

  private static List<String> keysOf(AvsbValue batch, String kind) {
    List<String> out = new ArrayList<>();
    for (AvsbValue e : ((AvsbValue.Arr) batch).values()) {
      if (kind.equals(e.get("kind").stringValue())) {
        out.add(e.get("key").stringValue());
      }
    }
    return out;
  }

  @Test
  void heldEventsNeverWeighMoreThanTheConfiguredBytes() throws Exception {
    sender.hold();
    DefaultEventProcessor p = start(AvsbConfig.builder("k").eventMemoryBytes(1024 * KIB)
        .maxEventBytes(64 * KIB));
    p.recordCustom(custom(ANN, "first"));
    p.flush();
    assertThat(sender.entered.await(10, TimeUnit.SECONDS)).isTrue();
    AvsbValue twentyKb = dataOf(20 * KIB);
    try (LogCapture log = new LogCapture()) {
      for (int i = 0; i < 200; i++) {
        p.recordCustom(new CustomEvent(1, ANN, "big", twentyKb, null));
        assertThat(p.heldEventBytes()).isLessThanOrEqualTo(1024 * KIB);
      }
      assertThat(log.linesWith("event queue is full")).singleElement().asString()
          .contains("1048576 bytes");
    }
    // 200 tracks of 20 KB would be 4 MB: about 50 fit, the rest are dropped and counted
    assertThat(p.droppedEventCount()).isBetween(140L, 160L);
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventCount() == 201 - p.droppedEventCount());
    assertThat(p.heldEventBytes()).isLessThanOrEqualTo(1024 * KIB);
    sender.release();
    sender.next();
    p.flush();
    AvsbValue batch = sender.next();
    assertThat(keysOf(batch, "custom")).hasSize((int) (200 - p.droppedEventCount()));
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventBytes() == 0);
    assertThat(p.heldEventCount()).isZero();
  }

  @Test
  void heldBytesBecomeTheJsonSizeOnceProcessed() throws Exception {
    sender.hold();
    DefaultEventProcessor p = start(AvsbConfig.builder("k"));
    p.recordCustom(custom(ANN, "first"));
    p.flush();
    assertThat(sender.entered.await(10, TimeUnit.SECONDS)).isTrue();
    long before = p.heldEventBytes();
    CustomEvent e = new CustomEvent(1, BOB, "sized", dataOf(10 * KIB), 2.5);
    p.recordCustom(e);
    EventJsonWriter writer = new EventJsonWriter(new ContextRedactor(false, java.util.Set.of()));
    long exact = writer.custom(e).length + writer.index(1, BOB).length;
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventBytes() - before == exact);
    sender.release();
  }

  @Test
  void aTrackLargerThanMaxEventBytesIsDroppedAloneWithOneWarning() throws Exception {
    DefaultEventProcessor p = start(AvsbConfig.builder("k").maxEventBytes(16 * KIB));
    try (LogCapture log = new LogCapture()) {
      p.recordCustom(custom(ANN, "small"));
      p.recordCustom(new CustomEvent(1, ANN, "huge\r\nforged", dataOf(40 * KIB), null));
      p.recordCustom(new CustomEvent(1, BOB, "huge\r\nforged", dataOf(40 * KIB), null));
      p.recordCustom(custom(BOB, "small"));
      p.flush();
      AvsbValue batch = sender.next();
      assertThat(keysOf(batch, "custom")).containsExactly("small", "small");
      assertThat(p.rejectedEventCount()).isEqualTo(2);
      assertThat(log.linesWith("Dropped")).singleElement().asString()
          .contains("WARN", "\"huge\\u000d\\u000aforged\"", "larger than maxEventBytes");
    }
  }

  @Test
  void anUnwritableTrackPayloadDoesNotDropTheOtherUsersEvents() throws Exception {
    DefaultEventProcessor p = start(AvsbConfig.builder("k"));
    try (LogCapture log = new LogCapture()) {
      p.recordCustom(custom(ANN, "before"));
      p.recordCustom(new CustomEvent(1, ANN, "deep", new AvsbValue.Obj(Map.of("d", nested(5_000))),
          null));
      p.recordCustom(custom(BOB, "after"));
      p.flush();
      AvsbValue batch = sender.next();
      assertThat(keysOf(batch, "custom")).containsExactly("before", "after");
      assertThat(p.rejectedEventCount()).isEqualTo(1);
      assertThat(log.linesWith("Dropped")).singleElement().asString().contains("\"deep\"");
    }
  }

  @Test
  void anUnwritableDefaultValueDropsThatEvaluationAloneAndKeepsTheSummary() throws Exception {
    DefaultEventProcessor p = start(AvsbConfig.builder("k"));
    try (LogCapture log = new LogCapture()) {
      AvsbValue deep = nested(5_000);
      p.recordEvaluation(new EvaluationEvent(1, ANN, "json-flag", -1, -1, deep, deep,
          EvaluationReason.error(EvaluationReason.ErrorKind.FLAG_NOT_FOUND), null, true, false));
      p.recordEvaluation(TestEvents.fullEval(BOB, "tracked", 1));
      p.flush();
      AvsbValue batch = sender.next();
      assertThat(keysOf(batch, "feature")).containsExactly("tracked");
      AvsbValue summary = batch.get(batch.size() - 1);
      assertThat(summary.get("kind").stringValue()).isEqualTo("summary");
      assertThat(((AvsbValue.Obj) summary.get("features")).values()).containsOnlyKeys("tracked");
      assertThat(log.linesWith("Dropped")).singleElement().asString().contains("\"json-flag\"");
    }
  }

  @Test
  void anIndexEventForAContextLargerThanTheLimitIsDroppedButTheEventIsKept() throws Exception {
    DefaultEventProcessor p = start(AvsbConfig.builder("k").maxEventBytes(4 * KIB));
    AvsbContext wide = AvsbContext.builder("w").set("bio", "b".repeat(8 * KIB)).build();
    try (LogCapture log = new LogCapture()) {
      p.recordCustom(custom(wide, "clicked"));
      p.flush();
      AvsbValue batch = sender.next();
      assertThat(keysOf(batch, "custom")).containsExactly("clicked");
      assertThat(keysOf(batch, "index")).isEmpty();
      assertThat(log.linesWith("Dropped")).singleElement().asString().contains("index");
    }
  }
}
