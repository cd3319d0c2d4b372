package io.avsb.internal.events;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import java.util.Objects;

/**
 * A custom event from {@code track}.
 *
 * @param creationDate epoch millis
 * @param context the context that did it
 * @param key the event key
 * @param data the data, or {@link AvsbValue#NULL}
 * @param metricValue the metric value, or null when none was given
 */
public record CustomEvent(
    long creationDate, AvsbContext context, String key, AvsbValue data, Double metricValue) {
  /** Checks the required fields. */
  public CustomEvent {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(key, "key");
    data = data == null ? AvsbValue.NULL : data;
  }
}
