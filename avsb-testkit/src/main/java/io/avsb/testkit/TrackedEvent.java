package io.avsb.testkit;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One {@code track} call seen by a {@link MockAvsbServer}. Immutable and thread-safe.
 *
 * @param eventKey the event's key, such as {@code purchase}
 * @param context the context it was tracked for
 * @param data the data passed, or {@link AvsbValue#NULL} when none
 * @param metricValue the metric value passed, if any
 */
public record TrackedEvent(
    String eventKey, AvsbContext context, AvsbValue data, OptionalDouble metricValue) {

  /** Checks that the data and metric are present (use {@code NULL} and empty for none). */
  public TrackedEvent {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metricValue, "metricValue");
  }

  /** The context's key (empty for a multi-context or an invalid one). */
  public String contextKey() {
    return context == null ? "" : context.key();
  }
}
