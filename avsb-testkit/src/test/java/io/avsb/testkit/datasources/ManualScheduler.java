package io.avsb.testkit.datasources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose tasks run only when the test says so, on the test's thread: {@link
 * #runScheduled()} runs every live task once (one-shot tasks are then done). Lets a test step
 * through polls with a real 30 s interval without waiting for it.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  /** One scheduled task and how it was asked for. */
  static final class Task implements ScheduledFuture<Object> {
    final Runnable command;
    final Duration delay;
    final Duration period;
    private volatile boolean cancelled;
    private volatile boolean done;

    Task(Runnable command, Duration delay, Duration period) {
      this.command = command;
      this.delay = delay;
      this.period = period;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delay);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      boolean was = !cancelled && !done;
      cancelled = true;
      return was;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException("not used by the data sources");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException("not used by the data sources");
    }
  }

  private final List<Task> tasks = new ArrayList<>();
  private boolean shutdown;

  /** Runs every task that is neither cancelled nor done, once, in the order scheduled. */
  void runScheduled() {
    for (Task t : tasks()) {
      if (!t.isDone()) {
        t.command.run();
        if (t.period == null) {
          t.done = true;
        }
      }
    }
  }

  synchronized List<Task> tasks() {
    return List.copyOf(tasks);
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(new Task(command, Duration.ofNanos(unit.toNanos(delay)), null));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not used by the data sources");
  }

  @Override
  public synchronized ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return add(new Task(command, Duration.ofNanos(unit.toNanos(initialDelay)), Duration.ofNanos(unit.toNanos(period))));
  }

  @Override
  public synchronized ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return add(new Task(command, Duration.ofNanos(unit.toNanos(initialDelay)), Duration.ofNanos(unit.toNanos(delay))));
  }

  private Task add(Task task) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    tasks.add(task);
    return task;
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isShutdown();
  }
}
