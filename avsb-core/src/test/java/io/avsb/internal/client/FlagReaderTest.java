package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.ScopedAvsb;
import io.avsb.internal.events.EvaluationEvent;
import io.avsb.internal.log.LogCapture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

class FlagReaderTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String DATA = """
      {"flags": {
        "plain": {"key": "plain", "version": 3, "on": true, "variations": ["a", "b"],
                  "fallthrough": {"variation": 1}, "offVariation": 0},
        "tracked": {"key": "tracked", "version": 1, "on": true, "trackEvents": true,
                  "variations": [true, false], "fallthrough": {"variation": 0}, "offVariation": 1},
        "rule-tracked": {"key": "rule-tracked", "version": 2, "on": true,
                  "variations": [1, 2],
                  "rules": [{"id": "r0", "variation": 0, "trackEvents": false,
                             "clauses": [{"attribute": "key", "op": "in", "values": ["x"]}]},
                            {"id": "r1", "variation": 1, "trackEvents": true,
                             "clauses": [{"attribute": "key", "op": "in", "values": ["u1"]}]}],
                  "fallthrough": {"variation": 0}, "offVariation": 0},
        "fallthrough-tracked": {"key": "fallthrough-tracked", "version": 5, "on": true,
                  "trackEventsFallthrough": true, "variations": [1.5],
                  "fallthrough": {"variation": 0}, "offVariation": 0},
        "experiment": {"key": "experiment", "version": 6, "on": true, "variations": ["x", "y"],
                  "fallthrough": {"rollout": {"kind": "experiment",
                     "variations": [{"variation": 0, "weight": 100000}]}},
                  "offVariation": 0},
        "parent": {"key": "parent", "version": 8, "on": true, "variations": [false, true],
                  "prerequisites": [{"key": "tracked", "variation": 0}],
                  "fallthrough": {"variation": 1}, "offVariation": 0}
      }, "segments": {}}
      """;

  private final RecordingEventProcessor events = new RecordingEventProcessor();
  private final ClientRuntime runtime = new ClientRuntime(
      AvsbConfig.builder("key").dataSource(FixedData.of(DATA))
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build(),
      (config, scheduler) -> events);
  private final AvsbContext user = AvsbContext.of("u1");
  private final ScopedAvsb avsb = runtime.forUser(user);

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void callerFlagKeysReachTheLogEscapedAndShortOnce() {
    String forged = "no-such\r\n[main] ERROR io.avsb - forged";
    String huge = "k".repeat(1 << 20);
    try (LogCapture log = new LogCapture()) {
      for (int i = 0; i < 3; i++) {
        avsb.getBoolFlag(forged, false);
        avsb.getBoolFlag(huge, false);
      }
      assertThat(log.lines()).hasSize(2).noneMatch(l -> l.startsWith("[main] ERROR io.avsb - forged"));
      assertThat(log.lines().get(0)).contains("\"no-such\\u000d\\u000a[main] ERROR");
      assertThat(log.lines().get(1)).hasSizeLessThan(400).contains("k".repeat(120) + "...");
    }
  }

  private EvaluationEvent only() {
    assertThat(events.evaluations).hasSize(1);
    return events.evaluations.get(0);
  }

  @Test
  void plainEvaluationIsSummarisedNotTrackedInFull() {
    assertThat(avsb.getStringFlag("plain", "d")).isEqualTo("b");
    assertThat(only()).isEqualTo(new EvaluationEvent(NOW.toEpochMilli(), user, "plain", 3, 1,
        AvsbValue.of("b"), AvsbValue.of("d"), EvaluationReason.fallthrough(), null, false, false));
  }

  @Test
  void detailCallAsksForTheReason() {
    avsb.getStringFlagDetail("plain", "d");
    assertThat(only().withReason()).isTrue();
  }

  @Test
  void flagTrackingEventsIsTrackedInFull() {
    avsb.getBoolFlag("tracked", false);
    assertThat(only().trackFull()).isTrue();
    assertThat(only().withReason()).isFalse();
  }

  @Test
  void trackedRuleIsTrackedInFullWithItsReason() {
    assertThat(avsb.getIntFlag("rule-tracked", 0)).isEqualTo(2);
    EvaluationEvent e = only();
    assertThat(e.reason()).isEqualTo(EvaluationReason.ruleMatch(1, "r1", false));
    assertThat(e.trackFull()).isTrue();
    assertThat(e.withReason()).isTrue();
  }

  @Test
  void untrackedRuleIsNotTrackedInFull() {
    runtime.forUser(AvsbContext.of("x")).getIntFlag("rule-tracked", 0);
    assertThat(only().reason().ruleIndex()).isZero();
    assertThat(only().trackFull()).isFalse();
  }

  @Test
  void trackedFallthroughIsTrackedInFull() {
    assertThat(avsb.getDoubleFlag("fallthrough-tracked", 0)).isEqualTo(1.5);
    assertThat(only().trackFull()).isTrue();
    assertThat(only().defaultValue()).isEqualTo(AvsbValue.of(0));
  }

  @Test
  void experimentIsTrackedInFullWithItsReason() {
    assertThat(avsb.getStringFlag("experiment", "d")).isEqualTo("x");
    assertThat(only().reason().inExperiment()).isTrue();
    assertThat(only().trackFull()).isTrue();
    assertThat(only().withReason()).isTrue();
  }

  @Test
  void prerequisiteEvaluationIsRecordedWithTheFlagThatRequiredIt() {
    assertThat(avsb.getBoolFlag("parent", false)).isTrue();
    assertThat(events.evaluations).hasSize(2);
    EvaluationEvent prereq = events.evaluations.get(0);
    assertThat(prereq.flagKey()).isEqualTo("tracked");
    assertThat(prereq.prereqOf()).isEqualTo("parent");
    assertThat(prereq.value()).isEqualTo(AvsbValue.TRUE);
    assertThat(prereq.defaultValue()).isEqualTo(AvsbValue.NULL);
    assertThat(prereq.trackFull()).isTrue();
    EvaluationEvent parent = events.evaluations.get(1);
    assertThat(parent.flagKey()).isEqualTo("parent");
    assertThat(parent.prereqOf()).isNull();
  }

  @Test
  void unknownFlagIsRecordedWithTheDefault() {
    assertThat(avsb.getIntFlag("nope", 9)).isEqualTo(9);
    assertThat(only()).isEqualTo(new EvaluationEvent(NOW.toEpochMilli(), user, "nope", -1, -1,
        AvsbValue.of(9), AvsbValue.of(9), EvaluationReason.error(ErrorKind.FLAG_NOT_FOUND), null,
        false, false));
  }

  @Test
  void wrongTypeIsRecordedWithTheDefaultAndTheFlagVersion() {
    assertThat(avsb.getBoolFlag("plain", true)).isTrue();
    EvaluationEvent e = only();
    assertThat(e.value()).isEqualTo(AvsbValue.TRUE);
    assertThat(e.flagVersion()).isEqualTo(3);
    assertThat(e.variation()).isEqualTo(EvaluationDetail.NO_VARIATION);
    assertThat(e.reason()).isEqualTo(EvaluationReason.error(ErrorKind.WRONG_TYPE));
  }

  @Test
  void invalidContextRecordsNothing() {
    runtime.forUser(AvsbContext.of("")).getStringFlag("plain", "d");
    assertThat(events.evaluations).isEmpty();
  }

  @Test
  void brokenEventProcessorDoesNotChangeTheValue() {
    ClientRuntime broken = new ClientRuntime(
        AvsbConfig.builder("key").dataSource(FixedData.of(DATA)).build(),
        (config, scheduler) -> new RecordingEventProcessor() {
          @Override
          public void recordEvaluation(EvaluationEvent event) {
            throw new IllegalStateException("queue broken");
          }
        });
    try {
      assertThat(broken.forUser(user).getStringFlagDetail("plain", "d"))
          .isEqualTo(EvaluationDetail.of("b", 1, EvaluationReason.fallthrough()));
      assertThat(broken.forUser(user).getBoolFlag("parent", false)).isTrue();
    } finally {
      broken.close();
    }
    assertThat(logs.events(e -> e.level() == Level.ERROR)).isNotEmpty().allSatisfy(e -> {
      assertThat(e.message()).isEqualTo("Recording an evaluation event failed; the event is dropped");
      assertThat(e.throwable()).hasMessage("queue broken");
    });
  }

  @Test
  void allFlagsStateRecordsNoEvents() {
    runtime.allFlagsState(user);
    assertThat(events.evaluations).isEmpty();
  }
}
