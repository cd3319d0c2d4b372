package io.avsb;

/**
 * Says that a server did not become ready at start: its data source stopped for good (such as a
 * rejected SDK key), could not deliver the first data (a malformed flags file, which a later good
 * version still mends), or the server was closed before the first full data set arrived. Completes {@link
 * AsyncAvsbServer#onReady()} exceptionally; never thrown by an evaluation. Immutable and
 * thread-safe.
 */
public final class AvsbNotReadyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient DataSourceStatus status;

  /** An exception with {@code message} and the data source's status at the time. */
  public AvsbNotReadyException(String message, DataSourceStatus status) {
    super(message);
    this.status = status;
  }

  /** The data source's status when readiness was given up, with its last error; null after deserialisation. */
  public DataSourceStatus status() {
    return status;
  }
}
