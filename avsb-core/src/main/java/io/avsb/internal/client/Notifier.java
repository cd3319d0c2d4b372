package io.avsb.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that runs application callbacks: status listeners, flag change listeners, and the
 * async server's waiting getters. Data sources report changes while holding their own locks on
 * their I/O threads; handing the callbacks to this thread means application code never runs there.
 * Tasks run one at a time in submission order on a daemon thread named {@code avsb-notifier-N},
 * started with the first task; a task that throws is logged and the next one runs. After {@link
 * #shutdown} a task is run on the caller's thread instead, so that nothing waiting on it is left
 * hanging. Thread-safe.
 */
final class Notifier implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.client");

  private final AtomicInteger counter = new AtomicInteger();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final ThreadPoolExecutor executor;

  Notifier() {
    executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.NANOSECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread t = new Thread(task, "avsb-notifier-" + counter.incrementAndGet());
          t.setDaemon(true);
          threads.add(t);
          return t;
        });
  }

  /** Runs {@code task} on the notifier thread, or on this thread once shut down. */
  @Override
  public void execute(Runnable task) {
    Runnable guarded = () -> runGuarded(task);
    try {
      executor.execute(guarded);
    } catch (RejectedExecutionException e) {
      guarded.run();
    }
  }

  /** True when called on the notifier thread. */
  boolean isNotifierThread() {
    return threads.contains(Thread.currentThread());
  }

  /**
   * Lets queued tasks finish for up to {@code timeout}, then interrupts what still runs and waits
   * for the thread to end, unless called from the notifier thread itself (a listener closing the
   * server). Returns whether no notifier thread is left alive, or would be once this caller returns.
   */
  boolean shutdown(Duration timeout) {
    executor.shutdown();
    if (isNotifierThread()) {
      return true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        executor.shutdownNow();
      }
      for (Thread t : threads) {
        long left = deadline - System.nanoTime();
        TimeUnit.NANOSECONDS.timedJoin(t, Math.max(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    return threads.stream().noneMatch(Thread::isAlive);
  }

  private static void runGuarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("A listener or callback threw {}; ignored", e.toString(), e);
    }
  }
}
