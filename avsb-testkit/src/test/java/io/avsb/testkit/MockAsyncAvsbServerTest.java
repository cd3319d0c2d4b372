package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AsyncScopedAvsb;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import io.avsb.FlagChangeEvent;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockAsyncAvsbServerTest {
  private final MockAsyncAvsbServer mock = MockAsyncAvsbServer.create();
  private final TestData td = mock.testData();

  @AfterEach
  void close() {
    mock.close();
  }

  private static <T> T join(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void isReadyAtOnceAndStagesAreCompleteWhenReturned() {
    td.update(td.flag("checkout-v2").variationForUser("u1", true).fallthroughVariation(false));
    assertThat(mock.server().isReady()).isTrue();
    assertThat(mock.server().onReady().toCompletableFuture()).isCompleted();
    assertThat(mock.forUser(Map.of("key", "u1")).getBoolFlag("checkout-v2", false)
        .toCompletableFuture()).isCompletedWithValue(true);
  }

  @Test
  void recordsEvaluationsWithValueReasonAndDefault() throws Exception {
    td.update(td.flag("checkout-v2").variationForUser("u_power", true).fallthroughVariation(false));
    td.update(td.flag("theme").valueForAll("dark"));
    AsyncScopedAvsb avsb = mock.forUser(AvsbContext.of("u_power"));

    assertThat(join(avsb.getBoolFlag("checkout-v2", false))).isTrue();
    assertThat(join(avsb.getStringFlagDetail("theme", "light")).value()).isEqualTo("dark");
    assertThat(join(avsb.getIntFlag("missing", 7))).isEqualTo(7);
    assertThat(join(avsb.getJsonFlag("theme", AvsbValue.NULL))).isEqualTo(AvsbValue.of("dark"));
    assertThat(join(avsb.getDoubleFlag("theme", 1.5))).isEqualTo(1.5);

    assertThat(mock.evaluations()).containsExactly(
        new RecordedEvaluation("checkout-v2", AvsbContext.of("u_power"), AvsbValue.TRUE, 0,
            EvaluationReason.targetMatch(), AvsbValue.FALSE),
        new RecordedEvaluation("theme", AvsbContext.of("u_power"), AvsbValue.of("dark"), 0,
            EvaluationReason.fallthrough(), AvsbValue.of("light")),
        new RecordedEvaluation("missing", AvsbContext.of("u_power"), AvsbValue.of(7), -1,
            EvaluationReason.error(EvaluationReason.ErrorKind.FLAG_NOT_FOUND), AvsbValue.of(7)),
        new RecordedEvaluation("theme", AvsbContext.of("u_power"), AvsbValue.of("dark"), 0,
            EvaluationReason.fallthrough(), AvsbValue.NULL),
        new RecordedEvaluation("theme", AvsbContext.of("u_power"), AvsbValue.of(1.5), -1,
            EvaluationReason.error(EvaluationReason.ErrorKind.WRONG_TYPE), AvsbValue.of(1.5)));
    assertThat(mock.evaluations("theme")).hasSize(3);
  }

  @Test
  void recordsTrackAndIdentifyAndResetForgets() throws Exception {
    AsyncScopedAvsb avsb = mock.forUser(Map.of("kind", "user", "key", "u1", "plan", "pro"));
    avsb.track("purchase", 149.99, Map.of("currency", "usd"));
    avsb.track("signup");
    avsb.track("view", Map.of("page", "home"));
    avsb.identify();

    AvsbContext u1 = AvsbContext.fromMap(Map.of("kind", "user", "key", "u1", "plan", "pro"));
    assertThat(mock.trackedEvents("purchase")).containsExactly(new TrackedEvent("purchase", u1,
        AvsbValue.parse("{\"currency\":\"usd\"}"), OptionalDouble.of(149.99)));
    assertThat(mock.trackedEvents()).extracting(TrackedEvent::eventKey)
        .containsExactly("purchase", "signup", "view");
    assertThat(mock.identifiedContexts()).containsExactly(u1);

    mock.reset();
    assertThat(mock.trackedEvents()).isEmpty();
    assertThat(mock.identifiedContexts()).isEmpty();
    assertThat(join(avsb.allFlagsState()).isValid()).isTrue();
  }

  @Test
  void callsThroughTheRealServerAndItsSyncViewAreRecordedToo() throws Exception {
    td.update(td.flag("f").variationForUser("u1", false));
    assertThat(join(mock.server().forUser(AvsbContext.of("u1")).getBoolFlag("f", true))).isFalse();
    assertThat(mock.server().sync().forUser(AvsbContext.of("u1")).getBoolFlag("f", true)).isFalse();
    mock.server().forUser(AvsbContext.of("u1")).track("purchase");
    assertThat(mock.evaluations("f")).extracting(RecordedEvaluation::value)
        .containsExactly(AvsbValue.FALSE, AvsbValue.FALSE);
    assertThat(mock.trackedEvents("purchase")).hasSize(1);
  }

  @Test
  void invalidContextsGetTheDefaultAndAreNotRecorded() throws Exception {
    td.update(td.flag("f"));
    assertThat(join(mock.forUser((AvsbContext) null).getBoolFlag("f", false))).isFalse();
    assertThat(join(mock.forUser(Map.of("kind", "user")).getBoolFlagDetail("f", false)).reason())
        .isEqualTo(EvaluationReason.error(EvaluationReason.ErrorKind.USER_NOT_SPECIFIED));
    assertThat(mock.evaluations()).isEmpty();
  }

  @Test
  void testDataUpdatesReachFlagChangeListeners() throws Exception {
    td.update(td.flag("f").variationForAll(true));
    BlockingQueue<FlagChangeEvent> changes = new LinkedBlockingQueue<>();
    mock.server().flagTracker().addFlagChangeListener(changes::add);
    td.update(td.flag("f").variationForAll(false));
    assertThat(changes.poll(30, TimeUnit.SECONDS)).isEqualTo(new FlagChangeEvent("f"));
    assertThat(join(mock.forUser(AvsbContext.of("u")).getBoolFlag("f", true))).isFalse();
  }
}
