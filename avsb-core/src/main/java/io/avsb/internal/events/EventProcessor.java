package io.avsb.internal.events;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;

/**
 * Receives analytics events from the evaluation path and delivers them. Every method returns at
 * once: implementations queue and never block on I/O. Thread-safe.
 */
public interface EventProcessor extends AutoCloseable {
  /** Records one flag evaluation (counted in summaries; a full event when requested). */
  void recordEvaluation(EvaluationEvent event);

  /**
   * Records one flag evaluation given by the parts of an {@link EvaluationEvent}. This default
   * builds the event; the real processor counts the evaluation on the caller's thread and builds
   * an event only when it produces output, so that a summary-only evaluation allocates nothing.
   */
  default void recordEvaluation(long creationDate, AvsbContext context, String flagKey,
      int flagVersion, int variation, AvsbValue value, AvsbValue defaultValue,
      EvaluationReason reason, String prereqOf, boolean trackFull, boolean withReason) {
    recordEvaluation(new EvaluationEvent(creationDate, context, flagKey, flagVersion, variation,
        value, defaultValue, reason, prereqOf, trackFull, withReason));
  }

  /** Records a custom event from {@code track}. */
  void recordCustom(CustomEvent event);

  /** Records an identify event. */
  void recordIdentify(IdentifyEvent event);

  /**
   * When the queue is full, counts one event dropped (as recording it would) and returns true, so
   * that the caller need not build an event only to have it dropped; otherwise returns false (the
   * event may still be dropped when recorded). This default never drops: a processor that must see
   * every event, such as one that tells hooks of it, keeps it.
   */
  default boolean dropIfFull() {
    return false;
  }

  /** Output events the service accepted; 0 for a processor that delivers nothing. */
  default long deliveredEventCount() {
    return 0;
  }

  /** Recorded events dropped because the queue was full; 0 for a processor without a queue. */
  default long droppedEventCount() {
    return 0;
  }

  /** Output events given up after failed deliveries; 0 for a processor that delivers nothing. */
  default long failedEventCount() {
    return 0;
  }

  /** Asks for queued events to be delivered soon; does not wait for delivery. */
  void flush();

  /** Flushes, then stops every thread it started, within a bounded time. */
  @Override
  void close();
}
