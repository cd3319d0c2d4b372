package io.avsb;

import java.time.Instant;

/**
 * Figures about a running server, read at one moment, for health endpoints and metrics: from
 * {@link AvsbServer#stats()} or {@link AsyncAvsbServer#stats()}. The counts only grow over the
 * server's life. Immutable and thread-safe.
 *
 * @param flagCount the flags in the store now, deleted flags not counted
 * @param lastUpdate when the store last took data (a full data set, or a change applied), or null
 *     before the first data
 * @param streamConnections the stream connections the service accepted, the first one included; 0
 *     when the server does not stream
 * @param eventsDelivered the analytics events the events service accepted (events as sent:
 *     feature, index, custom, identify and summary events)
 * @param eventsDropped the recorded events dropped because the event queue was full
 * @param eventsFailed the analytics events given up after a failed delivery (after its retry),
 *     or because the service rejected the SDK key
 */
public record AvsbStats(
    int flagCount,
    Instant lastUpdate,
    long streamConnections,
    long eventsDelivered,
    long eventsDropped,
    long eventsFailed) {

  /** Checks that no figure is negative. */
  public AvsbStats {
    if (flagCount < 0 || streamConnections < 0 || eventsDelivered < 0 || eventsDropped < 0
        || eventsFailed < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
