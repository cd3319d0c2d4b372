package io.avsb.internal.events;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event processor: summarizes evaluations, turns events into their output form and delivers
 * them in batches. Thread-safe.
 *
 * <p>The {@code record*} methods never block: they take one of {@code eventCapacity} permits and
 * queue the event, or drop it (counted by {@link #droppedEventCount()}, with one WARN until there
 * is room again). A permit is held until the event is delivered or given up, so the capacity bounds
 * everything the processor holds, including what waits while a slow delivery is in progress. One
 * daemon thread {@code avsb-events} processes the queue; a second, {@code avsb-event-sender}, runs
 * the flush timer and the deliveries, one batch at a time. When the service rejects the SDK key
 * nothing more is sent or queued.
 */
public final class DefaultEventProcessor implements EventProcessor {
  /** How long {@link #close()} tries to deliver what is held before it stops the threads. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.events");
  private static final Object FLUSH = new Object();
  private static final long FORCED_STOP_WAIT_MILLIS = 2_000;

  private final int capacity;
  private final EventSender sender;
  private final ScheduledExecutorService scheduler;
  private final SenderThreadFactory senderThreads;
  private final Duration closeTimeout;
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicBoolean fullWarned = new AtomicBoolean();
  private final AtomicBoolean flushQueued = new AtomicBoolean();
  private final AtomicBoolean flushDeferred = new AtomicBoolean();
  private final AtomicBoolean deliveryBusy = new AtomicBoolean();
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean stopped;
  private final Thread worker;
  private final ScheduledFuture<?> flushTimer;

  // Owned by the worker thread.
  private final EventSummarizer summarizer = new EventSummarizer();
  private final ContextKeyLru contextKeys;
  private final EventOutputs outputs;
  private List<AvsbValue> outbox = new ArrayList<>();
  private int outboxPermits;
  private Future<?> delivery;

  /** A processor posting to the configured events service. Starts its threads. */
  public DefaultEventProcessor(AvsbConfig config) {
    this(config, new HttpEventSender(config), DEFAULT_CLOSE_TIMEOUT);
  }

  /**
   * A processor delivering through {@code sender}, giving {@link #close()} up to {@code
   * closeTimeout} to deliver what is held. Starts its threads; {@link #close()} closes the sender.
   */
  public DefaultEventProcessor(AvsbConfig config, EventSender sender, Duration closeTimeout) {
    this(config, sender, new SenderThreadFactory(), closeTimeout);
  }

  private DefaultEventProcessor(
      AvsbConfig config, EventSender sender, SenderThreadFactory threads, Duration closeTimeout) {
    this(config, sender, Executors.newSingleThreadScheduledExecutor(threads), threads, closeTimeout);
  }

  /**
   * As the public constructors, with the scheduler that runs the flush timer and the deliveries
   * (shut down by {@link #close()}).
   */
  DefaultEventProcessor(
      AvsbConfig config,
      EventSender sender,
      ScheduledExecutorService scheduler,
      Duration closeTimeout) {
    this(config, sender, scheduler, null, closeTimeout);
  }

  private DefaultEventProcessor(
      AvsbConfig config,
      EventSender sender,
      ScheduledExecutorService scheduler,
      SenderThreadFactory senderThreads,
      Duration closeTimeout) {
    Objects.requireNonNull(config, "config");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.senderThreads = senderThreads;
    this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
    if (closeTimeout.isNegative()) {
      throw new IllegalArgumentException("closeTimeout must not be negative, was " + closeTimeout);
    }
    this.capacity = config.eventCapacity();
    this.contextKeys = new ContextKeyLru(config.contextKeysCapacity());
    this.outputs =
        new EventOutputs(
            new ContextRedactor(config.allAttributesPrivate(), config.privateAttributes()));
    long interval = config.flushInterval().toMillis();
    this.flushTimer =
        scheduler.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
    this.worker = new Thread(this::run, "avsb-events");
    worker.setDaemon(true);
    worker.start();
  }

  /** Makes the daemon sender threads and remembers them, so that close() can join them. */
  private static final class SenderThreadFactory implements ThreadFactory {
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "avsb-event-sender");
      t.setDaemon(true);
      threads.add(t);
      return t;
    }

    void join(long millis) throws InterruptedException {
      for (Thread t : threads) {
        t.join(millis);
      }
    }
  }

  @Override
  public void recordEvaluation(EvaluationEvent event) {
    offer(event);
  }

  @Override
  public void recordCustom(CustomEvent event) {
    offer(event);
  }

  @Override
  public void recordIdentify(IdentifyEvent event) {
    offer(event);
  }

  private void offer(Object event) {
    if (event == null || closed || stopped) {
      return;
    }
    if (!tryAcquire()) {
      dropped.incrementAndGet();
      if (fullWarned.compareAndSet(false, true)) {
        LOG.warn(
            "The event queue is full ({} events); new events are dropped while it stays full"
                + " (said once; the count is kept). Raise eventCapacity or check that events can"
                + " be delivered", capacity);
      }
      return;
    }
    inbox.add(event);
  }

  private boolean tryAcquire() {
    while (true) {
      int h = held.get();
      if (h >= capacity) {
        return false;
      }
      if (held.compareAndSet(h, h + 1)) {
        return true;
      }
    }
  }

  /** Asks for what is held to be delivered soon; returns at once. */
  @Override
  public void flush() {
    if (closed || stopped) {
      return;
    }
    if (flushQueued.compareAndSet(false, true)) {
      inbox.add(FLUSH);
    }
  }

  /** How many events were dropped because the queue was full. */
  @Override
  public long droppedEventCount() {
    return dropped.get();
  }

  /** How many output events (feature, index, custom, identify, summary) the service accepted. */
  @Override
  public long deliveredEventCount() {
    return delivered.get();
  }

  /**
   * How many output events were given up: delivery failed (after its retry), the service rejected
   * the key, or the sender had stopped.
   */
  @Override
  public long failedEventCount() {
    return failed.get();
  }

  /** How many recorded events are held: queued, waiting for a flush, or being delivered. */
  public int heldEventCount() {
    return held.get();
  }

  /** True once the events service rejected the SDK key; nothing is sent after that. */
  public boolean isStopped() {
    return stopped;
  }

  private void run() {
    try {
      while (true) {
        Object message = inbox.take();
        if (message instanceof Shutdown s) {
          finish(s.deadlineNanos());
          return;
        }
        if (message == FLUSH) {
          flushQueued.set(false);
          startDelivery();
        } else {
          handle(message);
        }
      }
    } catch (InterruptedException e) {
      // close() gave up waiting: stop at once
    } catch (RuntimeException e) {
      LOG.error("The event processor stopped unexpectedly; events will not be sent", e);
    }
  }

  private void handle(Object event) {
    boolean kept = false;
    try {
      kept = !stopped && process(event);
    } catch (RuntimeException e) {
      LOG.warn("Dropped an event that could not be processed: {}", e.toString());
    } finally {
      if (kept) {
        outboxPermits++;
      } else {
        held.decrementAndGet();
      }
    }
  }

  /** Adds the event's outputs to the outbox; true when it added any (the permit goes with them). */
  private boolean process(Object event) {
    if (event instanceof EvaluationEvent e) {
      summarizer.count(e);
      AvsbContext context = e.context();
      if (!context.isValid()) {
        return false;
      }
      boolean firstSeen = contextKeys.notice(context.fullyQualifiedKey());
      if (e.trackFull()) {
        outbox.add(outputs.feature(e));
        return true;
      }
      if (firstSeen) {
        outbox.add(outputs.index(e.creationDate(), context));
        return true;
      }
      return false;
    }
    if (event instanceof CustomEvent e) {
      if (!e.context().isValid()) {
        LOG.debug("Ignored a custom event for an invalid context: {}", e.context().error());
        return false;
      }
      if (contextKeys.notice(e.context().fullyQualifiedKey())) {
        outbox.add(outputs.index(e.creationDate(), e.context()));
      }
      outbox.add(outputs.custom(e));
      return true;
    }
    if (event instanceof IdentifyEvent e) {
      if (!e.context().isValid()) {
        LOG.debug("Ignored an identify event for an invalid context: {}", e.context().error());
        return false;
      }
      contextKeys.notice(e.context().fullyQualifiedKey());
      outbox.add(outputs.identify(e));
      return true;
    }
    return false;
  }

  /** Hands the outbox and the summary to the sender thread, unless a delivery is in progress. */
  private void startDelivery() {
    if (stopped) {
      failed.addAndGet(outbox.size());
      outbox = new ArrayList<>();
      held.addAndGet(-outboxPermits);
      outboxPermits = 0;
      summarizer.drain();
      return;
    }
    if (deliveryBusy.get()) {
      // The delivery checks the flag after clearing deliveryBusy, so one of us sees the other.
      flushDeferred.set(true);
      if (deliveryBusy.get()) {
        return;
      }
      flushDeferred.set(false);
    }
    EventSummary summary = summarizer.drain();
    if (outbox.isEmpty() && summary == null) {
      return;
    }
    List<AvsbValue> batch = outbox;
    if (summary != null) {
      batch.add(outputs.summary(summary));
    }
    int permits = outboxPermits;
    outbox = new ArrayList<>();
    outboxPermits = 0;
    deliveryBusy.set(true);
    try {
      delivery = scheduler.submit(() -> deliver(batch, permits));
    } catch (RejectedExecutionException e) {
      deliveryBusy.set(false);
      held.addAndGet(-permits);
      failed.addAndGet(batch.size());
      LOG.warn("Dropped {} events: the sender thread has stopped", batch.size());
    }
  }

  private void deliver(List<AvsbValue> batch, int permits) {
    try {
      String payload = JsonCodec.write(new AvsbValue.Arr(batch));
      EventSender.Result result = sender.send(payload, batch.size());
      (result == EventSender.Result.DELIVERED ? delivered : failed).addAndGet(batch.size());
      if (result == EventSender.Result.STOPPED) {
        stopped = true;
        flushTimer.cancel(false);
      }
    } catch (RuntimeException e) {
      failed.addAndGet(batch.size());
      LOG.warn("Dropped {} events: delivery failed unexpectedly: {}", batch.size(), e.toString());
    } finally {
      held.addAndGet(-permits);
      deliveryBusy.set(false);
      if (flushDeferred.getAndSet(false)) {
        flush();
      }
    }
  }

  /** Delivers what is held, waiting for deliveries up to the deadline. */
  private void finish(long deadlineNanos) throws InterruptedException {
    awaitDelivery(deadlineNanos);
    startDelivery();
    awaitDelivery(deadlineNanos);
  }

  private void awaitDelivery(long deadlineNanos) throws InterruptedException {
    if (delivery == null) {
      return;
    }
    try {
      delivery.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // a failure is logged by the delivery; a timeout is handled by close()
    }
  }

  /**
   * Stops taking events, delivers what is held (waiting up to the close timeout), then stops both
   * threads, aborting a delivery that is still in progress. Idempotent; returns within about the
   * close timeout plus two seconds even when the service hangs.
   */
  @Override
  public void close() {
    if (!closeStarted.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    flushTimer.cancel(false);
    long deadline = System.nanoTime() + closeTimeout.toNanos();
    inbox.add(new Shutdown(deadline));
    boolean interrupted = false;
    try {
      worker.join(Math.max(1, closeTimeout.toMillis() + 100));
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (worker.isAlive() || held.get() > 0) {
      LOG.warn("Stopping the event processor with {} events undelivered", held.get());
    }
    sender.close();
    scheduler.shutdownNow();
    worker.interrupt();
    try {
      scheduler.awaitTermination(FORCED_STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      if (senderThreads != null) {
        // a terminated executor's thread may still be finishing its exit
        senderThreads.join(FORCED_STOP_WAIT_MILLIS);
      }
      worker.join(FORCED_STOP_WAIT_MILLIS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private record Shutdown(long deadlineNanos) {}
}
