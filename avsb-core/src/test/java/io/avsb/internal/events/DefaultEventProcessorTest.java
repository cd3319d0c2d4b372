package io.avsb.internal.events;

import static io.avsb.internal.events.TestEvents.custom;
import static io.avsb.internal.events.TestEvents.eval;
import static io.avsb.internal.events.TestEvents.fullEval;
import static io.avsb.internal.events.TestEvents.unknownFlag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.log.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DefaultEventProcessorTest {
  private static final AvsbContext A = AvsbContext.of("a");
  private static final AvsbContext B = AvsbContext.of("b");
  private static final AvsbContext C = AvsbContext.of("c");

  private final RecordingSender sender = new RecordingSender();
  private DefaultEventProcessor processor;

  private static AvsbConfig.Builder config() {
    // a long interval: tests flush explicitly
    return AvsbConfig.builder("sdk-key").flushInterval(Duration.ofHours(1));
  }

  private DefaultEventProcessor start(AvsbConfig.Builder config) {
    processor = new DefaultEventProcessor(config.build(), sender, Duration.ofSeconds(5));
    return processor;
  }

  @AfterEach
  void closeProcessor() {
    if (processor != null) {
      processor.close();
    }
  }

  private static List<AvsbValue> ofKind(AvsbValue batch, String kind) {
    List<AvsbValue> out = new ArrayList<>();
    for (AvsbValue e : ((AvsbValue.Arr) batch).values()) {
      if (kind.equals(e.get("kind").stringValue())) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<String> kinds(AvsbValue batch) {
    List<String> out = new ArrayList<>();
    for (AvsbValue e : ((AvsbValue.Arr) batch).values()) {
      out.add(e.get("kind").stringValue());
    }
    return out;
  }

  private static List<String> eventThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("avsb-event") && t.isAlive()) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void summaryCountsEveryEvaluationFromConcurrentCallers() throws Exception {
    DefaultEventProcessor p = start(config());
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      done.add(callers.submit(() -> {
        for (int i = 0; i < 500; i++) {
          p.recordEvaluation(eval(A, "flag-" + i % 2, i % 3));
        }
        p.recordEvaluation(unknownFlag(B, "nope", AvsbValue.of("d")));
      }));
    }
    for (Future<?> f : done) {
      f.get(10, TimeUnit.SECONDS);
    }
    callers.shutdown();
    p.flush();
    AvsbValue summary = ofKind(sender.next(), "summary").get(0);
    Map<String, Long> counts = new HashMap<>();
    for (String flag : List.of("flag-0", "flag-1")) {
      AvsbValue counters = summary.get("features").get(flag).get("counters");
      for (int i = 0; i < counters.size(); i++) {
        AvsbValue c = counters.get(i);
        assertThat(c.get("version").intValue()).isEqualTo(3);
        counts.merge(flag + "/" + c.get("variation").intValue(), (long) c.get("count").intValue(), Long::sum);
      }
    }
    // per caller, i in 0..499: flag i%2, variation i%3
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < 500; i++) {
      expected.merge("flag-" + i % 2 + "/" + i % 3, 4L, Long::sum);
    }
    assertThat(counts).isEqualTo(expected);
    assertThat(summary.get("features").get("nope")).isEqualTo(AvsbValue.parse(
        "{\"default\":\"d\",\"contextKinds\":[\"user\"],"
            + "\"counters\":[{\"unknown\":true,\"value\":\"d\",\"count\":4}]}"));
    assertThat(summary.get("features").get("flag-0").get("default")).isEqualTo(AvsbValue.of(-1));
  }

  @Test
  void indexEventsAreDeduplicatedByAnLruOfContextKeys() throws Exception {
    DefaultEventProcessor p = start(config().contextKeysCapacity(2));
    for (AvsbContext c : List.of(A, B, A, C, A, B)) {
      p.recordEvaluation(eval(c, "flag", 0));
    }
    p.flush();
    List<String> indexed = new ArrayList<>();
    for (AvsbValue e : ofKind(sender.next(), "index")) {
      indexed.add(e.get("context").get("key").stringValue());
    }
    // C evicts B (A was seen more recently), so B is indexed again
    assertThat(indexed).containsExactly("a", "b", "c", "b");
  }

  @Test
  void featureEventsOnlyWhenTrackFullAndTheyReplaceTheIndexEvent() throws Exception {
    DefaultEventProcessor p = start(config());
    p.recordEvaluation(fullEval(A, "tracked", 1));
    p.recordEvaluation(eval(A, "plain", 0));
    p.recordEvaluation(eval(B, "plain", 0));
    p.recordEvaluation(eval(B, "plain", 1));
    p.flush();
    AvsbValue batch = sender.next();
    assertThat(kinds(batch)).containsExactly("feature", "index", "summary");
    assertThat(ofKind(batch, "feature").get(0).get("key").stringValue()).isEqualTo("tracked");
    assertThat(ofKind(batch, "index").get(0).get("context").get("key").stringValue()).isEqualTo("b");
    assertThat(ofKind(batch, "summary").get(0).get("features").get("tracked")).isNotEqualTo(AvsbValue.NULL);
  }

  @Test
  void identifyCarriesTheContextSoNoIndexFollows() throws Exception {
    DefaultEventProcessor p = start(config());
    p.recordIdentify(new IdentifyEvent(1, A));
    p.recordCustom(custom(A, "clicked"));
    p.recordCustom(custom(B, "clicked"));
    p.flush();
    AvsbValue batch = sender.next();
    assertThat(kinds(batch)).containsExactly("identify", "custom", "index", "custom");
    assertThat(ofKind(batch, "custom").get(1).get("contextKeys"))
        .isEqualTo(AvsbValue.parse("{\"user\":\"b\"}"));
  }

  @Test
  void fullQueueDropsNewEventsAndCountsThemExactly() throws Exception {
    DefaultEventProcessor p = start(config().eventCapacity(5));
    for (int i = 0; i < 12; i++) {
      p.recordCustom(custom(A, "e" + i));
    }
    assertThat(p.droppedEventCount()).isEqualTo(7);
    assertThat(p.heldEventCount()).isEqualTo(5);
    p.flush();
    AvsbValue batch = sender.next();
    List<String> keys = new ArrayList<>();
    for (AvsbValue e : ofKind(batch, "custom")) {
      keys.add(e.get("key").stringValue());
    }
    assertThat(keys).containsExactly("e0", "e1", "e2", "e3", "e4");
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventCount() == 0);
    p.recordCustom(custom(A, "after"));
    assertThat(p.droppedEventCount()).isEqualTo(7);
    p.flush();
    assertThat(ofKind(sender.next(), "custom").get(0).get("key").stringValue()).isEqualTo("after");
  }

  @Test
  void dropIfFullCountsADropOnlyOnceTheQueueIsFull() throws Exception {
    DefaultEventProcessor p = start(config().eventCapacity(2));
    assertThat(p.dropIfFull()).isFalse();
    p.recordCustom(custom(A, "e0"));
    p.recordCustom(custom(A, "e1"));
    assertThat(p.droppedEventCount()).isZero();
    assertThat(p.dropIfFull()).isTrue();
    assertThat(p.dropIfFull()).isTrue();
    assertThat(p.droppedEventCount()).isEqualTo(2);
    // a full queue also drops a feature event before building it, and still counts the summary
    p.recordEvaluation(fullEval(A, "tracked", 1));
    assertThat(p.droppedEventCount()).isEqualTo(3);
    p.flush();
    AvsbValue batch = sender.next();
    assertThat(ofKind(batch, "custom")).hasSize(2);
    assertThat(ofKind(batch, "feature")).isEmpty();
    assertThat(ofKind(batch, "summary")).singleElement()
        .satisfies(summary -> assertThat(summary.get("features").get("tracked")).isNotNull());
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventCount() == 0);
    assertThat(p.dropIfFull()).isFalse();
  }

  @Test
  void eventsAccumulateUpToCapacityWhileADeliveryIsInProgress() throws Exception {
    sender.hold();
    DefaultEventProcessor p = start(config().eventCapacity(10));
    for (int i = 0; i < 4; i++) {
      p.recordCustom(custom(A, "first"));
    }
    p.flush();
    assertThat(sender.entered.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 10; i++) {
      p.recordCustom(custom(A, "second"));
    }
    assertThat(p.heldEventCount()).isEqualTo(10);
    assertThat(p.droppedEventCount()).isEqualTo(4);
    p.flush(); // deferred until the delivery in progress ends
    sender.release();
    assertThat(ofKind(sender.next(), "custom")).hasSize(4);
    AvsbValue second = sender.next();
    assertThat(kinds(second)).containsOnly("custom");
    assertThat(second.size()).isEqualTo(6);
    assertThat(sender.calls.get()).isEqualTo(2);
  }

  @Test
  void rejectedKeyStopsSendingForGood() throws Exception {
    sender.answer(EventSender.Result.STOPPED);
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom(A, "one"));
    p.flush();
    sender.next();
    await().atMost(Duration.ofSeconds(10)).until(p::isStopped);
    p.recordCustom(custom(A, "two"));
    p.recordEvaluation(eval(B, "flag", 0));
    p.flush();
    assertThat(p.heldEventCount()).isZero();
    p.close();
    assertThat(sender.calls.get()).isEqualTo(1);
    assertThat(p.droppedEventCount()).isZero();
  }

  @Test
  void failedDeliveryReleasesTheEvents() throws Exception {
    sender.answer(EventSender.Result.FAILED);
    DefaultEventProcessor p = start(config().eventCapacity(3));
    for (int i = 0; i < 3; i++) {
      p.recordCustom(custom(A, "x"));
    }
    p.flush();
    sender.next();
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventCount() == 0);
    p.recordCustom(custom(A, "y"));
    assertThat(p.droppedEventCount()).isZero();
  }

  @Test
  void flushTimerDeliversWithoutAnExplicitFlush() throws Exception {
    start(config().flushInterval(Duration.ofMillis(50)));
    processor.recordCustom(custom(A, "timed"));
    assertThat(ofKind(sender.next(), "custom").get(0).get("key").stringValue()).isEqualTo("timed");
  }

  @Test
  void runsOnTwoNamedDaemonThreads() {
    start(config());
    List<Thread> threads = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("avsb-event")) {
        threads.add(t);
      }
    }
    assertThat(threads).extracting(Thread::getName)
        .containsExactlyInAnyOrder("avsb-events", "avsb-event-sender");
    assertThat(threads).allMatch(Thread::isDaemon);
  }

  @Test
  void closeDeliversWhatIsHeldThenStopsItsThreads() throws Exception {
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom(A, "last"));
    p.recordEvaluation(eval(B, "flag", 1));
    p.close();
    assertThat(kinds(sender.next())).containsExactly("index", "custom", "index", "summary");
    assertThat(sender.isClosed()).isTrue();
    assertThat(eventThreads()).isEmpty();
  }

  @Test
  @Timeout(30)
  void closeReturnsAndStopsThreadsWhenDeliveryHangs() throws Exception {
    sender.hold(); // released only by close(), like an aborted HTTP request
    processor = new DefaultEventProcessor(config().build(), sender, Duration.ofMillis(200));
    processor.recordCustom(custom(A, "stuck"));
    processor.flush();
    assertThat(sender.entered.await(10, TimeUnit.SECONDS)).isTrue();
    processor.close();
    assertThat(sender.isClosed()).isTrue();
    assertThat(eventThreads()).isEmpty();
  }

  @Test
  void closeIsIdempotentAndLaterEventsAreIgnored() throws Exception {
    DefaultEventProcessor p = start(config());
    p.close();
    p.close();
    p.recordCustom(custom(A, "late"));
    p.flush();
    p.close();
    assertThat(p.heldEventCount()).isZero();
    assertThat(sender.calls.get()).isZero();
  }

  @Test
  void badInputNeverThrows() throws Exception {
    DefaultEventProcessor p = start(config());
    p.recordEvaluation(null);
    p.recordCustom(null);
    p.recordIdentify(null);
    AvsbContext invalid = AvsbContext.of("");
    p.recordCustom(custom(invalid, "x"));
    p.recordIdentify(new IdentifyEvent(1, invalid));
    p.recordEvaluation(eval(invalid, "flag", 0));
    p.recordCustom(custom(A, "good"));
    p.flush();
    AvsbValue batch = sender.next();
    assertThat(kinds(batch)).containsExactly("index", "custom", "summary");
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventCount() == 0);
  }

  @Test
  void scheduledFlushesDoNotOverlapDeliveries() throws Exception {
    sender.hold();
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom(A, "1"));
    p.flush();
    assertThat(sender.entered.await(10, TimeUnit.SECONDS)).isTrue();
    p.recordCustom(custom(A, "2"));
    for (int i = 0; i < 5; i++) {
      p.flush();
    }
    sender.release();
    sender.next();
    sender.next();
    p.close();
    assertThat(sender.calls.get()).isEqualTo(2);
  }

  /**
   * Property: N callers evaluate at once (latch start) through a queue far too small for them,
   * some with tracked flags, while flushes run; every evaluation is in exactly one delivered
   * summary, and only output events (feature, index) are ever dropped.
   */
  @Test
  void summaryCountsAreExactUnderLoadWhileOnlyOutputEventsCanBeDropped() throws Exception {
    DefaultEventProcessor p = start(config().eventCapacity(8));
    int threads = 4;
    int perThread = 50_000;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(callers.submit(() -> {
        go.await();
        for (int i = 0; i < perThread; i++) {
          AvsbContext c = i % 3 == 0 ? AvsbContext.of("t" + thread + "-" + i % 500) : A;
          p.recordEvaluation(1_000 + i, c, "flag-" + i % 3, 3, i % 2, AvsbValue.of(i % 2),
              AvsbValue.FALSE, io.avsb.EvaluationReason.fallthrough(), null, i % 50 == 0, false);
          if (i % 10_000 == 0) {
            p.flush();
          }
        }
        return null;
      }));
    }
    try (LogCapture log = new LogCapture()) {
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      callers.shutdown();
      p.close();
      assertThat(log.linesWith("The event queue is full")).hasSize(1);
    }
    long counted = 0;
    for (AvsbValue batch; (batch = sender.batches.poll()) != null; ) {
      for (AvsbValue summary : ofKind(batch, "summary")) {
        AvsbValue.Obj features = (AvsbValue.Obj) summary.get("features");
        for (AvsbValue flag : features.values().values()) {
          AvsbValue counters = flag.get("counters");
          for (int i = 0; i < counters.size(); i++) {
            counted += counters.get(i).get("count").intValue();
          }
        }
      }
    }
    assertThat(counted).isEqualTo((long) threads * perThread);
    // the tiny queue did overflow: what it dropped was output events, not counts
    assertThat(p.droppedEventCount()).isPositive();
  }

  @Test
  void aSummaryOnlyEvaluationAllocatesNothingOnTheCallersThread() throws Exception {
    DefaultEventProcessor p = start(config());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    AvsbValue on = AvsbValue.of("on");
    io.avsb.EvaluationReason reason = io.avsb.EvaluationReason.fallthrough();
    // seen twice, the context is known to callers once the event thread has processed both
    p.recordEvaluation(1, A, "flag", 3, 1, on, AvsbValue.NULL, reason, null, false, false);
    p.recordEvaluation(1, A, "flag", 3, 1, on, AvsbValue.NULL, reason, null, false, false);
    p.flush();
    assertThat(kinds(sender.next())).containsExactly("index", "summary");
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventCount() == 0);
    for (int i = 0; i < 20_000; i++) {
      p.recordEvaluation(i, A, "flag", 3, 1, on, AvsbValue.NULL, reason, null, false, false);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      p.recordEvaluation(i, A, "flag", 3, 1, on, AvsbValue.NULL, reason, null, false, false);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(p.heldEventCount()).isZero();
    // 0 B/op: one object per call would be at least 160 KB; the bound leaves room only for
    // one-off work (a counter cell, a deoptimisation), not for anything made per call
    assertThat(allocated).isLessThan(256);
    p.flush();
    AvsbValue summary = ofKind(sender.next(), "summary").get(0);
    assertThat(summary.get("features").get("flag").get("counters").get(0).get("count").intValue())
        .isEqualTo(30_000);
  }

  @Test
  void summaryOnlyEvaluationsForManySequentiallyKeyedContextsAllocateNothingOnTheCallersThread()
      throws Exception {
    DefaultEventProcessor p = start(config().contextKeysCapacity(2048));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    AvsbValue on = AvsbValue.of("on");
    io.avsb.EvaluationReason reason = io.avsb.EvaluationReason.fallthrough();
    // keys whose hash codes differ in few bits, as an application's numbered users
    AvsbContext[] contexts = new AvsbContext[1024];
    for (int i = 0; i < contexts.length; i++) {
      contexts[i] = AvsbContext.of(String.format("user-%04d", i));
    }
    for (int pass = 0; pass < 2; pass++) {
      for (AvsbContext c : contexts) {
        p.recordEvaluation(1, c, "flag", 3, 1, on, AvsbValue.NULL, reason, null, false, false);
      }
    }
    p.flush();
    assertThat(ofKind(sender.next(), "index")).hasSize(1024);
    await().atMost(Duration.ofSeconds(10)).until(() -> p.heldEventCount() == 0);
    for (int pass = 0; pass < 20; pass++) {
      for (AvsbContext c : contexts) {
        p.recordEvaluation(1, c, "flag", 3, 1, on, AvsbValue.NULL, reason, null, false, false);
      }
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int pass = 0; pass < 20; pass++) {
      for (AvsbContext c : contexts) {
        p.recordEvaluation(1, c, "flag", 3, 1, on, AvsbValue.NULL, reason, null, false, false);
      }
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // every context known to callers: nothing queued, so nothing built for 20,480 calls (one
    // object per call would be over 300 KB; the bound leaves room only for one-off work)
    assertThat(allocated).isLessThan(256);
    p.flush();
    AvsbValue summary = ofKind(sender.next(), "summary").get(0);
    assertThat(summary.get("features").get("flag").get("counters").get(0).get("count").intValue())
        .isEqualTo(40 * 1024);
  }
}
