package io.avsb.internal.events;

import io.avsb.AvsbContext;
import java.util.Objects;

/**
 * An identify event.
 *
 * @param creationDate epoch millis
 * @param context the context identified
 */
public record IdentifyEvent(long creationDate, AvsbContext context) {
  /** Checks the required fields. */
  public IdentifyEvent {
    Objects.requireNonNull(context, "context");
  }
}
