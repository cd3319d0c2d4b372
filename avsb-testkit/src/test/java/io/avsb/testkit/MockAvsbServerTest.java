package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import io.avsb.ScopedAvsb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockAvsbServerTest {
  private final MockAvsbServer mock = MockAvsbServer.create();
  private final TestData td = mock.testData();

  @AfterEach
  void close() {
    mock.close();
  }

  @Test
  void recordsTrackWithMetricAndDataExactly() {
    ScopedAvsb avsb = mock.forUser(Map.of("kind", "user", "key", "u1", "plan", "pro"));

    avsb.track("purchase", 149.99, Map.of("currency", "usd"));

    assertThat(mock.trackedEvents()).containsExactly(new TrackedEvent("purchase",
        AvsbContext.fromMap(Map.of("kind", "user", "key", "u1", "plan", "pro")),
        AvsbValue.parse("{\"currency\":\"usd\"}"), OptionalDouble.of(149.99)));
    assertThat(mock.trackedEvents().get(0).contextKey()).isEqualTo("u1");
  }

  @Test
  void recordsTrackWithoutDataOrMetric() {
    ScopedAvsb avsb = mock.forUser(AvsbContext.of("u1"));

    avsb.track("signup");
    avsb.track("view", Map.of("page", "home"));

    assertThat(mock.trackedEvents()).extracting(TrackedEvent::eventKey, TrackedEvent::data,
        TrackedEvent::metricValue).containsExactly(
            org.assertj.core.groups.Tuple.tuple("signup", AvsbValue.NULL, OptionalDouble.empty()),
            org.assertj.core.groups.Tuple.tuple("view", AvsbValue.parse("{\"page\":\"home\"}"),
                OptionalDouble.empty()));
  }

  @Test
  void trackedEventsByKeyFiltersAndResetForgets() {
    ScopedAvsb avsb = mock.forUser(AvsbContext.of("u1"));
    avsb.track("purchase", 10, Map.of());
    avsb.track("view");
    avsb.track("purchase", 20, Map.of());

    assertThat(mock.trackedEvents("purchase")).extracting(e -> e.metricValue().getAsDouble())
        .containsExactly(10.0, 20.0);

    mock.reset();
    assertThat(mock.trackedEvents()).isEmpty();
    assertThat(mock.evaluations()).isEmpty();
  }

  @Test
  void recordsEvaluationsWithValueAndReason() {
    td.update(td.flag("checkout-v2").variationForUser("u_power", true).fallthroughVariation(false));
    td.update(td.flag("theme").valueForAll("dark"));
    ScopedAvsb avsb = mock.forUser(AvsbContext.of("u_power"));

    assertThat(avsb.getBoolFlag("checkout-v2", false)).isTrue();
    assertThat(avsb.getStringFlag("theme", "light")).isEqualTo("dark");
    assertThat(avsb.getIntFlag("missing", 7)).isEqualTo(7);

    assertThat(mock.evaluations()).containsExactly(
        new RecordedEvaluation("checkout-v2", AvsbContext.of("u_power"), AvsbValue.TRUE, 0,
            EvaluationReason.targetMatch(), AvsbValue.FALSE),
        new RecordedEvaluation("theme", AvsbContext.of("u_power"), AvsbValue.of("dark"), 0,
            EvaluationReason.fallthrough(), AvsbValue.of("light")),
        new RecordedEvaluation("missing", AvsbContext.of("u_power"), AvsbValue.of(7), -1,
            EvaluationReason.error(EvaluationReason.ErrorKind.FLAG_NOT_FOUND), AvsbValue.of(7)));
    assertThat(mock.evaluations("theme")).singleElement()
        .extracting(RecordedEvaluation::contextKey).isEqualTo("u_power");
  }

  @Test
  void recordsDetailAndJsonGettersAndIdentify() {
    td.update(td.flag("limits").valueForAll(Map.of("max", 3)));
    ScopedAvsb avsb = mock.forUser(AvsbContext.of("u1"));

    assertThat(avsb.getJsonFlagDetail("limits", AvsbValue.NULL).value().get("max").intValue())
        .isEqualTo(3);
    assertThat(avsb.getDoubleFlag("limits", Double.NaN)).isNaN();
    avsb.identify();

    assertThat(mock.evaluations()).extracting(RecordedEvaluation::value, RecordedEvaluation::defaultValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AvsbValue.parse("{\"max\":3}"), AvsbValue.NULL),
            org.assertj.core.groups.Tuple.tuple(AvsbValue.NULL, AvsbValue.NULL));
    assertThat(mock.evaluations().get(1).reason())
        .isEqualTo(EvaluationReason.error(EvaluationReason.ErrorKind.WRONG_TYPE));
    assertThat(mock.identifiedContexts()).containsExactly(AvsbContext.of("u1"));
  }

  @Test
  void invalidContextsGetTheDefaultAndAreNotRecorded() {
    td.update(td.flag("f"));

    assertThat(mock.forUser((AvsbContext) null).getBoolFlag("f", false)).isFalse();
    assertThat(mock.forUser(Map.of("kind", "user")).getBoolFlagDetail("f", false).reason())
        .isEqualTo(EvaluationReason.error(EvaluationReason.ErrorKind.USER_NOT_SPECIFIED));

    assertThat(mock.evaluations()).isEmpty();
  }

  @Test
  void allFlagsStateShowsClientSideFlagsOnly() {
    td.update(td.flag("visible").valueForAll("yes"));
    td.update(td.flag("hidden").valueForAll("no").clientSide(false));

    assertThat(mock.forUser(AvsbContext.of("u1")).allFlagsState().toValuesMap())
        .isEqualTo(Map.of("visible", AvsbValue.of("yes")));
  }

  @Test
  void helpersFromTheRealServerAreRecordedToo() {
    td.update(td.flag("f").variationForUser("u1", false));

    assertThat(mock.server().forUser(AvsbContext.of("u1")).getBoolFlag("f", true)).isFalse();
    mock.server().forUser(AvsbContext.of("u1")).track("purchase");

    assertThat(mock.evaluations()).extracting(RecordedEvaluation::value)
        .containsExactly(AvsbValue.FALSE);
    assertThat(mock.trackedEvents("purchase")).hasSize(1);
  }

  @Test
  void recordsEveryCallFromConcurrentThreads() throws Exception {
    int threads = 8;
    int callsPerThread = 500;
    td.update(td.flag("f"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        ScopedAvsb avsb = mock.forUser(AvsbContext.of("u" + t));
        tasks.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < callsPerThread; i++) {
            avsb.getBoolFlag("f", false);
            avsb.track("tick", i, Map.of());
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> task : tasks) {
        task.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(mock.evaluations()).hasSize(threads * callsPerThread)
        .allSatisfy(e -> assertThat(e.value()).isEqualTo(AvsbValue.TRUE));
    assertThat(mock.trackedEvents("tick")).hasSize(threads * callsPerThread);
  }

  @Test
  void sharesTestDataWithOtherServersAndClosesItsOwnSource() {
    TestData shared = TestData.create();
    MockAvsbServer one = MockAvsbServer.create(shared);
    MockAvsbServer two = MockAvsbServer.create(shared);
    shared.update(shared.flag("f").variationForAll(false));

    assertThat(one.forUser(AvsbContext.of("u")).getBoolFlag("f", true)).isFalse();
    assertThat(two.forUser(AvsbContext.of("u")).getBoolFlag("f", true)).isFalse();
    assertThat(shared.runningSourceCount()).isEqualTo(2);

    one.close();
    two.close();
    assertThat(shared.runningSourceCount()).isZero();
    assertThat(one.testData()).isSameAs(shared);
  }
}
