package io.avsb.internal.events;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import io.avsb.internal.log.LogText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event processor: summarizes evaluations, turns events into their output form and delivers
 * them in batches. Thread-safe.
 *
 * <p>Evaluations are counted for the summary on the caller's thread ({@link SummaryCounters}: no
 * lock, no allocation, nothing queued), so the summary counts every evaluation however busy the
 * queue is. Only an evaluation that produces output crosses to the event thread: one that wants a
 * full {@code feature} event, or one for a context the event thread has not seen twice (it decides
 * whether an {@code index} event is due).
 *
 * <p>The {@code record*} methods never block: they take one of {@code eventCapacity} permits and
 * a share of {@code eventMemoryBytes}, and queue the event, or drop it (counted by {@link
 * #droppedEventCount()}, with a WARN at most once a minute while that goes on). Permit and bytes are held until
 * the event is delivered or given up, so the two limits bound everything the processor holds,
 * including what waits while a slow delivery is in progress. A custom event is weighed on the
 * caller's thread by the estimated size of its JSON form; other events by a small fixed weight
 * until they are processed. Processing serializes each output event on its own, so the outbox
 * holds JSON bytes (its memory is its JSON size) and the weight becomes the exact size; an event
 * larger than {@code maxEventBytes}, or one with no JSON form (nested too deep), is dropped alone,
 * with one WARN per event key, and counted by {@link #rejectedEventCount()}.
 *
 * <p>One daemon thread {@code avsb-events} processes the queue, a lock-free one: callers neither
 * take a lock nor wake the thread per event (it is woken by a flush, a close and every 64th
 * event, and looks by itself within 100 ms otherwise). A second thread, {@code
 * avsb-event-sender}, runs the flush timer and the deliveries, one batch at a time. Both survive
 * any failure of one event or one delivery. When the service rejects the SDK key nothing more is
 * sent or queued.
 */
public final class DefaultEventProcessor implements EventProcessor {
  /** How long {@link #close()} tries to deliver what is held before it stops the threads. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.events");
  private static final Object FLUSH = new Object();
  private static final int WAKE_BATCH = 64;
  private static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long FORCED_STOP_WAIT_MILLIS = 2_000;
  private static final long FULL_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  /** The weight of a queued evaluation or identify event before it is processed. */
  static final long QUEUED_EVENT_BYTES = 128;
  /** The fixed part of a custom event's JSON form: kind, creationDate, names, punctuation. */
  private static final long CUSTOM_EVENT_BYTES = 96;

  private final int capacity;
  private final long memoryBytes;
  private final int maxEventBytes;
  private final EventSender sender;
  private final ScheduledExecutorService scheduler;
  private final SenderThreadFactory senderThreads;
  private final Duration closeTimeout;
  // lock-free: a caller never waits for the worker nor wakes it per event (see offer)
  private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
  private volatile boolean workerParked;
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicLong heldBytes = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final EventDropLog dropLog = new EventDropLog(LOG, 100);
  private final AtomicBoolean failureLogged = new AtomicBoolean();
  private final AtomicLong lastFullWarning = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicBoolean flushQueued = new AtomicBoolean();
  private final AtomicBoolean flushDeferred = new AtomicBoolean();
  private final AtomicBoolean deliveryBusy = new AtomicBoolean();
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean stopped;
  private final Thread worker;
  private final ScheduledFuture<?> flushTimer;

  private final SummaryCounters summary = new SummaryCounters();
  private final SeenContexts seen;
  private volatile AvsbValue lastWritable;

  // Owned by the worker thread.
  private final ContextKeyLru contextKeys;
  private final EventJsonWriter json;
  private List<byte[]> outbox = new ArrayList<>();
  private int outboxPermits;
  private long outboxBytes;
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
    this.memoryBytes = config.eventMemoryBytes();
    this.maxEventBytes = config.maxEventBytes();
    this.seen = new SeenContexts(config.contextKeysCapacity());
    this.contextKeys = new ContextKeyLru(config.contextKeysCapacity(), seen::forget);
    this.json =
        new EventJsonWriter(
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
  public void recordEvaluation(EvaluationEvent e) {
    if (e != null) {
      record(e.creationDate(), e.context(), e.flagKey(), e.flagVersion(), e.variation(), e.value(),
          e.defaultValue(), e.reason(), e.prereqOf(), e.trackFull(), e.withReason(), e);
    }
  }

  /**
   * Counts the evaluation in the summary on the caller's thread; builds and queues an event only
   * when it produces output (a feature event, or maybe an index event for a context not seen).
   */
  @Override
  public void recordEvaluation(long creationDate, AvsbContext context, String flagKey,
      int flagVersion, int variation, AvsbValue value, AvsbValue defaultValue,
      EvaluationReason reason, String prereqOf, boolean trackFull, boolean withReason) {
    record(creationDate, context, flagKey, flagVersion, variation, value, defaultValue, reason,
        prereqOf, trackFull, withReason, null);
  }

  private void record(long creationDate, AvsbContext context, String flagKey, int flagVersion,
      int variation, AvsbValue value, AvsbValue defaultValue, EvaluationReason reason,
      String prereqOf, boolean trackFull, boolean withReason, EvaluationEvent event) {
    if (closed || stopped || context == null || flagKey == null || reason == null) {
      return;
    }
    AvsbValue v = value == null ? AvsbValue.NULL : value;
    AvsbValue d = defaultValue == null ? AvsbValue.NULL : defaultValue;
    if (!writable(d)) {
      // the caller's default is in the summary and the feature event: it must be writable
      reject("evaluation", flagKey, "the caller's default value is larger than maxEventBytes or"
          + " nested too deep to write", "not counted in the summary");
      return;
    }
    summary.count(creationDate, context, flagKey, flagVersion, variation, v, d);
    if (!context.isValid() || (!trackFull && seen.contains(context.fullyQualifiedKey()))) {
      return;
    }
    if (event == null && dropIfFull()) {
      return;
    }
    offer(event != null ? event : new EvaluationEvent(creationDate, context, flagKey, flagVersion,
        variation, v, d, reason, prereqOf, trackFull, withReason), QUEUED_EVENT_BYTES);
  }

  /**
   * Queues a custom event weighed by the estimated size of its JSON form; an event estimated
   * larger than {@code maxEventBytes} is dropped here, with one WARN per event key.
   */
  @Override
  public void recordCustom(CustomEvent event) {
    if (event == null || closed || stopped) {
      return;
    }
    long size = estimate(event);
    if (size == JsonSize.TOO_DEEP) {
      reject("custom", event.key(), "its data is nested too deep to write",
          "more than " + JsonSize.MAX_DEPTH + " levels");
      return;
    }
    if (size > maxEventBytes) {
      reject("custom", event.key(), "its JSON form is larger than maxEventBytes",
          "at least " + size + " > " + maxEventBytes + " bytes");
      return;
    }
    offer(new Weighed(event, size), size);
  }

  @Override
  public void recordIdentify(IdentifyEvent event) {
    offer(event, QUEUED_EVENT_BYTES);
  }

  private long estimate(CustomEvent e) {
    long limit = maxEventBytes;
    long n = CUSTOM_EVENT_BYTES + JsonSize.ofString(e.key(), limit);
    AvsbContext context = e.context();
    for (int i = 0; i < context.individualContextCount() && n <= limit; i++) {
      AvsbContext c = context.individualContext(i);
      n += JsonSize.ofString(c.kind(), limit) + JsonSize.ofString(c.key(), limit) + 2;
    }
    if (n > limit) {
      return n;
    }
    long data = JsonSize.of(e.data(), limit - n);
    return data == JsonSize.TOO_DEEP ? data : n + data;
  }

  /** Under an overload most events are dropped; this spares their callers building them. */
  @Override
  public boolean dropIfFull() {
    if (held.get() < capacity || closed || stopped) {
      return false;
    }
    dropFull();
    return true;
  }

  private void offer(Object event, long bytes) {
    if (event == null || closed || stopped) {
      return;
    }
    int nowHeld = tryAcquire(bytes);
    if (nowHeld == 0) {
      dropFull();
      return;
    }
    inbox.add(event);
    // waking a parked thread is a system call: a caller pays it once per WAKE_BATCH events, and
    // the worker otherwise looks again within MAX_PARK_NANOS (see loop)
    if (workerParked && nowHeld % WAKE_BATCH == 0) {
      LockSupport.unpark(worker);
    }
  }

  private void send(Object message) {
    inbox.add(message);
    LockSupport.unpark(worker);
  }

  private void dropFull() {
    long count = dropped.incrementAndGet();
    long now = System.nanoTime();
    long last = lastFullWarning.get();
    // at most one line a minute however long the overload lasts, and the first one at once
    if ((count == 1 || now - last >= FULL_WARNING_INTERVAL_NANOS)
        && lastFullWarning.compareAndSet(last, now)) {
      LOG.warn(
          "The event queue is full ({} events or {} bytes); new events are dropped while it stays"
              + " full ({} dropped so far; said at most once a minute). Raise eventCapacity or"
              + " eventMemoryBytes, or check that events can be delivered", capacity, memoryBytes,
          count);
    }
  }

  /** Takes a permit and {@code bytes}; returns the events now held, or 0 when full. */
  private int tryAcquire(long bytes) {
    int h;
    while (true) {
      h = held.get();
      if (h >= capacity) {
        return 0;
      }
      if (held.compareAndSet(h, h + 1)) {
        break;
      }
    }
    if (reserveBytes(bytes)) {
      return h + 1;
    }
    held.decrementAndGet();
    return 0;
  }

  private boolean reserveBytes(long bytes) {
    while (true) {
      long b = heldBytes.get();
      if (b + bytes > memoryBytes) {
        return false;
      }
      if (heldBytes.compareAndSet(b, b + bytes)) {
        return true;
      }
    }
  }

  private void reject(String kind, String key, String reason, Object detail) {
    rejected.incrementAndGet();
    dropLog.dropped(kind, key, reason, detail);
  }

  /** Asks for what is held to be delivered soon; returns at once. */
  @Override
  public void flush() {
    if (closed || stopped) {
      return;
    }
    if (flushQueued.compareAndSet(false, true)) {
      send(FLUSH);
    }
  }

  /** How many events were dropped because the queue was full (in events or in bytes). */
  @Override
  public long droppedEventCount() {
    return dropped.get();
  }

  /**
   * How many events were dropped alone because their JSON form was larger than {@code
   * maxEventBytes} or could not be written.
   */
  public long rejectedEventCount() {
    return rejected.get();
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

  /**
   * The bytes the held events weigh: queued ones by their estimate or fixed weight, processed
   * ones by their JSON size. Never more than {@code eventMemoryBytes}.
   */
  public long heldEventBytes() {
    return heldBytes.get();
  }

  /** True once the events service rejected the SDK key; nothing is sent after that. */
  public boolean isStopped() {
    return stopped;
  }

  private void run() {
    try {
      loop();
    } finally {
      json.close();
    }
  }

  /**
   * Takes messages in order. With none, the worker parks, for longer the longer it stays idle (from
   * MIN_PARK_NANOS up to MAX_PARK_NANOS), until a flush, a close or every WAKE_BATCH-th event
   * wakes it: an event waits at most that long to be processed, which only delays the index
   * events of new contexts (permits are held until delivery, so it drops nothing more).
   */
  private void loop() {
    long park = MIN_PARK_NANOS;
    while (true) {
      try {
        Object message = inbox.poll();
        if (message == null) {
          workerParked = true;
          if (inbox.isEmpty()) {
            LockSupport.parkNanos(this, park);
          }
          workerParked = false;
          if (Thread.currentThread().isInterrupted()) {
            return; // close() gave up waiting: stop at once
          }
          park = Math.min(park * 2, MAX_PARK_NANOS);
          continue;
        }
        park = MIN_PARK_NANOS;
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
      } catch (InterruptedException e) {
        return; // close() gave up waiting during the last delivery: stop at once
      } catch (RuntimeException | Error e) {
        // the thread carries on: one failure must not stop every later event
        logFailure("processing events", e);
      }
    }
  }

  private void logFailure(String what, Throwable e) {
    if (failureLogged.compareAndSet(false, true)) {
      LOG.error("The event processor failed while {}; what it held then may be lost, and it"
          + " carries on (said once)", what, e);
    } else {
      LOG.debug("The event processor failed again while {}", what, e);
    }
  }

  private void handle(Object message) {
    Object event = message instanceof Weighed w ? w.event() : message;
    long weight = message instanceof Weighed w ? w.bytes() : QUEUED_EVENT_BYTES;
    Outputs out = new Outputs();
    try {
      if (!stopped) {
        process(event, out);
      }
    } catch (RuntimeException | StackOverflowError e) {
      reject(kindOf(event), keyOf(event), "it could not be processed", LogText.of(e.toString()));
      out.clear();
    } finally {
      keep(out, weight);
    }
  }

  /**
   * Moves an event's outputs to the outbox, its weight becoming their size; with no outputs, or
   * no room for them, releases its permit and weight.
   */
  private void keep(Outputs out, long weight) {
    long size = out.size();
    long extra = size - weight;
    if (size == 0 || (extra > 0 && !reserveBytes(extra))) {
      heldBytes.addAndGet(-weight);
      held.decrementAndGet();
      if (size > 0) {
        dropFull();
      }
      return;
    }
    if (extra < 0) {
      heldBytes.addAndGet(extra);
    }
    out.addTo(outbox);
    outboxPermits++;
    outboxBytes += size;
  }

  /** Serializes the event's outputs into {@code out}. */
  private void process(Object event, Outputs out) {
    if (event instanceof EvaluationEvent e) {
      // counted in the summary by the caller already
      AvsbContext context = e.context();
      boolean firstSeen = notice(context.fullyQualifiedKey());
      if (e.trackFull()) {
        out.add(feature(e));
      } else if (firstSeen) {
        out.add(index(e.creationDate(), context, e.flagKey()));
      }
      return;
    }
    if (event instanceof CustomEvent e) {
      if (!e.context().isValid()) {
        LOG.debug("Ignored a custom event for an invalid context: {}",
            LogText.of(e.context().error()));
        return;
      }
      if (notice(e.context().fullyQualifiedKey())) {
        out.add(index(e.creationDate(), e.context(), e.key()));
      }
      out.add(custom(e));
      return;
    }
    if (event instanceof IdentifyEvent e) {
      if (!e.context().isValid()) {
        LOG.debug("Ignored an identify event for an invalid context: {}",
            LogText.of(e.context().error()));
        return;
      }
      notice(e.context().fullyQualifiedKey());
      out.add(identify(e));
    }
  }

  /**
   * Records a sighting of a context key; true on its first (an index event is due). From the
   * second on, callers see the key too and stop queueing summary-only evaluations for it.
   */
  private boolean notice(String fullyQualifiedKey) {
    if (contextKeys.notice(fullyQualifiedKey)) {
      return true;
    }
    seen.publish(fullyQualifiedKey);
    return false;
  }

  // Each output event's JSON, or null when it has none or is larger than maxEventBytes (then it
  // is dropped alone, with one WARN per kind and key).

  private byte[] feature(EvaluationEvent e) {
    try {
      return sized("feature", e.flagKey(), json.feature(e));
    } catch (RuntimeException | StackOverflowError x) {
      return noJsonForm("feature", e.flagKey(), x);
    }
  }

  private byte[] index(long creationDate, AvsbContext context, String key) {
    try {
      return sized("index", key, json.index(creationDate, context));
    } catch (RuntimeException | StackOverflowError x) {
      return noJsonForm("index", key, x);
    }
  }

  private byte[] custom(CustomEvent e) {
    try {
      return sized("custom", e.key(), json.custom(e));
    } catch (RuntimeException | StackOverflowError x) {
      return noJsonForm("custom", e.key(), x);
    }
  }

  private byte[] identify(IdentifyEvent e) {
    try {
      return sized("identify", "", json.identify(e));
    } catch (RuntimeException | StackOverflowError x) {
      return noJsonForm("identify", "", x);
    }
  }

  private byte[] noJsonForm(String kind, String key, Throwable e) {
    reject(kind, key, "it has no JSON form", LogText.of(e.toString()));
    return null;
  }

  private byte[] sized(String kind, String key, byte[] json) {
    if (json.length > maxEventBytes) {
      reject(kind, key, "its JSON form is larger than maxEventBytes",
          json.length + " > " + maxEventBytes + " bytes");
      return null;
    }
    return json;
  }

  /**
   * Whether {@code value} can be written within the event size limit (a scalar always can). On
   * the caller's thread; remembers the last writable value, as callers pass the same default.
   */
  private boolean writable(AvsbValue value) {
    if (value == lastWritable || (!(value instanceof AvsbValue.Arr) && !(value instanceof AvsbValue.Obj))) {
      return true;
    }
    if (JsonSize.of(value, maxEventBytes) > maxEventBytes) {
      return false;
    }
    lastWritable = value;
    return true;
  }

  private static String kindOf(Object event) {
    return event instanceof CustomEvent ? "custom"
        : event instanceof EvaluationEvent ? "evaluation" : "identify";
  }

  private static String keyOf(Object event) {
    return event instanceof CustomEvent c ? c.key()
        : event instanceof EvaluationEvent e ? e.flagKey() : "";
  }

  /** Hands the outbox and the summary to the sender thread, unless a delivery is in progress. */
  private void startDelivery() {
    if (stopped) {
      failed.addAndGet(outbox.size());
      outbox = new ArrayList<>();
      held.addAndGet(-outboxPermits);
      heldBytes.addAndGet(-outboxBytes);
      outboxPermits = 0;
      outboxBytes = 0;
      summary.drain();
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
    seen.refresh(contextKeys);
    EventSummary counts = summary.drain();
    if (outbox.isEmpty() && counts == null) {
      return;
    }
    List<byte[]> events = outbox;
    if (counts != null) {
      // the summary is not weighed: its size follows the number of flags, not of events
      byte[] json = serializeSummary(counts);
      if (json != null) {
        events.add(json);
      }
    }
    int permits = outboxPermits;
    long bytes = outboxBytes;
    outbox = new ArrayList<>();
    outboxPermits = 0;
    outboxBytes = 0;
    if (events.isEmpty()) {
      return;
    }
    EventBatch batch = new EventBatch(events);
    deliveryBusy.set(true);
    try {
      delivery = scheduler.submit(() -> deliver(batch, permits, bytes));
    } catch (RejectedExecutionException e) {
      deliveryBusy.set(false);
      release(permits, bytes);
      failed.addAndGet(batch.eventCount());
      LOG.warn("Dropped {} events: the sender thread has stopped", batch.eventCount());
    }
  }

  private byte[] serializeSummary(EventSummary summary) {
    try {
      return json.summary(summary);
    } catch (RuntimeException | StackOverflowError e) {
      // a caller's default value nested too deep to write
      reject("summary", "", "it has no JSON form", LogText.of(e.toString()));
      return null;
    }
  }

  private void release(int permits, long bytes) {
    held.addAndGet(-permits);
    heldBytes.addAndGet(-bytes);
  }

  private void deliver(EventBatch batch, int permits, long bytes) {
    try {
      EventSender.Result result = sender.send(batch);
      (result == EventSender.Result.DELIVERED ? delivered : failed).addAndGet(batch.eventCount());
      if (result == EventSender.Result.STOPPED) {
        stopped = true;
        flushTimer.cancel(false);
      }
    } catch (RuntimeException | Error e) {
      failed.addAndGet(batch.eventCount());
      logFailure("delivering " + batch.eventCount() + " events (they are dropped)", e);
    } finally {
      release(permits, bytes);
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
    send(new Shutdown(deadline));
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

  /** A custom event and the weight it was queued with. */
  private record Weighed(CustomEvent event, long bytes) {}

  /** The serialized outputs of one event: at most two (an index event, then the event). */
  private static final class Outputs {
    private byte[] first;
    private byte[] second;

    void add(byte[] json) {
      if (json == null) {
        return;
      }
      if (first == null) {
        first = json;
      } else {
        second = json;
      }
    }

    void clear() {
      first = null;
      second = null;
    }

    long size() {
      return (first == null ? 0 : first.length) + (second == null ? 0 : second.length);
    }

    void addTo(List<byte[]> outbox) {
      if (first != null) {
        outbox.add(first);
      }
      if (second != null) {
        outbox.add(second);
      }
    }
  }
}
