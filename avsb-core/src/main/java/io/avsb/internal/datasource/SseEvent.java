package io.avsb.internal.datasource;

import java.util.Objects;

/**
 * One server-sent event. Immutable and thread-safe.
 *
 * @param type the {@code event:} name, {@code message} when the event named none
 * @param data the {@code data:} lines joined with {@code \n}
 * @param lastEventId the last {@code id:} seen on the stream so far, empty if none
 */
public record SseEvent(String type, String data, String lastEventId) {
  /** Checks that every part is present. */
  public SseEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(lastEventId, "lastEventId");
  }
}
