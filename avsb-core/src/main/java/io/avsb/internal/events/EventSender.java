package io.avsb.internal.events;

/**
 * Delivers one batch of output events, each already serialized. The event processor
 * calls {@link #send} from its single sender thread, one batch at a time; {@link #close()} may be
 * called from another thread and must abort a delivery in progress. Implementations are
 * thread-safe to that extent.
 */
public interface EventSender extends AutoCloseable {
  /** What became of a batch. */
  enum Result {
    /** The service accepted the batch. */
    DELIVERED,
    /** The batch was dropped after a failure (already logged). */
    FAILED,
    /** The service rejected the SDK key: nothing more should be sent, ever. */
    STOPPED
  }

  /**
   * Delivers {@code batch} as one JSON array, retrying as the protocol allows. Blocks until done;
   * never throws.
   */
  Result send(EventBatch batch);

  /** Aborts any delivery in progress and releases connections. Idempotent. */
  @Override
  void close();
}
