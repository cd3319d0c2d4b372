package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSourceStatusTrackerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final DataSourceStatusTracker tracker = new DataSourceStatusTracker(clock);

  @Test
  void startsInitializing() {
    assertThat(tracker.current().state()).isEqualTo(State.INITIALIZING);
    assertThat(tracker.current().stateSince()).isEqualTo(clock.instant());
    assertThat(tracker.current().lastError()).isNull();
  }

  @Test
  void stateSinceMovesOnlyWhenTheStateChanges() {
    Instant start = clock.instant();
    clock.now = start.plusSeconds(5);
    tracker.update(State.INITIALIZING, null);
    assertThat(tracker.current().stateSince()).isEqualTo(start);
    tracker.update(State.VALID, null);
    assertThat(tracker.current().stateSince()).isEqualTo(start.plusSeconds(5));
  }

  @Test
  void lastErrorIsKeptUntilANewerOne() {
    ErrorInfo e = new ErrorInfo(ErrorKind.NETWORK_ERROR, 0, "refused", clock.instant());
    tracker.update(State.INTERRUPTED, e);
    tracker.update(State.VALID, null);
    assertThat(tracker.current().state()).isEqualTo(State.VALID);
    assertThat(tracker.current().lastError()).isEqualTo(e);
  }

  @Test
  void listenersHearChangesOnlyAndABrokenOneDoesNotStopOthers() {
    List<DataSourceStatus> heard = new ArrayList<>();
    tracker.addListener(s -> {
      throw new IllegalStateException("broken listener");
    });
    tracker.addListener(heard::add);
    tracker.update(State.VALID, null);
    tracker.update(State.VALID, null);
    tracker.update(State.OFF, null);
    assertThat(heard).extracting(DataSourceStatus::state).containsExactly(State.VALID, State.OFF);
  }

  @Test
  void removedListenerHearsNothing() {
    List<DataSourceStatus> heard = new ArrayList<>();
    java.util.function.Consumer<DataSourceStatus> l = heard::add;
    tracker.addListener(l);
    tracker.removeListener(l);
    tracker.update(State.VALID, null);
    assertThat(heard).isEmpty();
  }

  @Test
  void listenersRunOnTheNotifierInTheOrderOfTheChangesNotOnTheReportingThread() {
    List<Runnable> queued = new ArrayList<>();
    DataSourceStatusTracker deferred = new DataSourceStatusTracker(clock, queued::add);
    List<State> heard = new ArrayList<>();
    deferred.addListener(s -> heard.add(s.state()));
    deferred.update(State.VALID, null);
    deferred.update(State.INTERRUPTED, null);
    deferred.update(State.VALID, null);
    assertThat(heard).isEmpty();
    queued.forEach(Runnable::run);
    assertThat(heard).containsExactly(State.VALID, State.INTERRUPTED, State.VALID);
  }

  @Test
  void changesWithoutListenersHandNothingToTheNotifier() {
    List<Runnable> queued = new ArrayList<>();
    DataSourceStatusTracker deferred = new DataSourceStatusTracker(clock, queued::add);
    deferred.update(State.VALID, null);
    assertThat(queued).isEmpty();
    assertThat(deferred.current().state()).isEqualTo(State.VALID);
  }

  @Test
  void waitForReturnsWhenAnotherThreadReportsTheState() throws Exception {
    java.util.concurrent.CompletableFuture<Boolean> waited =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> tracker.waitFor(State.VALID, java.time.Duration.ofMinutes(1)));
    tracker.update(State.INTERRUPTED, null);
    tracker.update(State.VALID, null);
    assertThat(waited.get(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    assertThat(tracker.waitFor(State.VALID, java.time.Duration.ZERO)).isTrue();
  }

  @Test
  void waitForGivesUpOnTimeoutAndAtOnceWhenOff() throws Exception {
    assertThat(tracker.waitFor(State.VALID, java.time.Duration.ofMillis(20))).isFalse();
    java.util.concurrent.CompletableFuture<Boolean> waited =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> tracker.waitFor(State.VALID, java.time.Duration.ofDays(365)));
    tracker.update(State.OFF, null);
    assertThat(waited.get(1, java.util.concurrent.TimeUnit.MINUTES)).isFalse();
    assertThat(tracker.waitFor(State.OFF, java.time.Duration.ZERO)).isTrue();
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
