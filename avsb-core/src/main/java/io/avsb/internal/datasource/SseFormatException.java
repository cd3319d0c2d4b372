package io.avsb.internal.datasource;

import java.io.IOException;

/** A stream that breaks the event-stream format or its limits; the stream is restarted. */
public final class SseFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, which must not contain payload text. */
  public SseFormatException(String message) {
    super(message);
  }
}
