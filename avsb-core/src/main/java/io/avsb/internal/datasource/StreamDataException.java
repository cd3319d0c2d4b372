package io.avsb.internal.datasource;

import java.io.IOException;

/** An event or response body that is not usable flag data; nothing of it was applied. */
public class StreamDataException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, which names what was wrong and never holds payload text. */
  public StreamDataException(String message) {
    super(message);
  }

  /** As {@link #StreamDataException(String)}, keeping {@code cause} for DEBUG logs. */
  public StreamDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
