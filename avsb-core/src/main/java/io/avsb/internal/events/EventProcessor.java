package io.avsb.internal.events;

/**
 * Receives analytics events from the evaluation path and delivers them. Every method returns at
 * once: implementations queue and never block on I/O. Thread-safe.
 */
public interface EventProcessor extends AutoCloseable {
  /** Records one flag evaluation (counted in summaries; a full event when requested). */
  void recordEvaluation(EvaluationEvent event);

  /** Records a custom event from {@code track}. */
  void recordCustom(CustomEvent event);

  /** Records an identify event. */
  void recordIdentify(IdentifyEvent event);

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
