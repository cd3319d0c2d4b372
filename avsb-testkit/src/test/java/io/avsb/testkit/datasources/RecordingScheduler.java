package io.avsb.testkit.datasources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A real scheduler (one daemon thread) that records the delay of every one-shot task it is given. */
final class RecordingScheduler extends ScheduledThreadPoolExecutor {
  private final List<Duration> delays = new ArrayList<>();

  RecordingScheduler() {
    super(
        1,
        r -> {
          Thread t = new Thread(r, "avsb-test-scheduler");
          t.setDaemon(true);
          return t;
        });
    setRemoveOnCancelPolicy(true);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    synchronized (delays) {
      delays.add(Duration.ofNanos(unit.toNanos(delay)));
    }
    return super.schedule(command, delay, unit);
  }

  List<Duration> delays() {
    synchronized (delays) {
      return List.copyOf(delays);
    }
  }
}
