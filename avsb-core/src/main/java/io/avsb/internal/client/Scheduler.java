package io.avsb.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's timer threads: a small scheduled pool of daemon threads named {@code
 * avsb-scheduler-N}, lent to the data source and the event processor. {@link #shutdown} stops the
 * pool and waits, within a bound, until every thread it ever started has ended, so that a closed
 * server leaves no thread behind (a webapp undeploy leaks no class loader). Thread-safe.
 */
final class Scheduler {
  private static final int THREADS = 2;

  private final AtomicInteger counter = new AtomicInteger();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final ScheduledThreadPoolExecutor executor;

  Scheduler() {
    ThreadFactory factory = task -> {
      Thread t = new Thread(task, "avsb-scheduler-" + counter.incrementAndGet());
      t.setDaemon(true);
      threads.add(t);
      return t;
    };
    executor = new ScheduledThreadPoolExecutor(THREADS, factory);
    executor.setRemoveOnCancelPolicy(true);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  ScheduledExecutorService executor() {
    return executor;
  }

  /**
   * Cancels pending tasks, interrupts running ones, and waits up to {@code timeout} for every
   * thread to end. Returns whether they all did.
   */
  boolean shutdown(Duration timeout) {
    executor.shutdownNow();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (Thread t : threads) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return threads.stream().noneMatch(Thread::isAlive);
  }
}
