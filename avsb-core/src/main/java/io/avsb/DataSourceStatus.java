package io.avsb;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of the server's data source, as reported by its status provider. Immutable and
 * thread-safe.
 *
 * @param state the current state
 * @param stateSince when the source entered this state
 * @param lastError the most recent error, or {@code null} if there has been none
 */
public record DataSourceStatus(State state, Instant stateSince, ErrorInfo lastError) {

  /** Checks that state and time are present. */
  public DataSourceStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(stateSince, "stateSince");
  }

  /** The states of a data source. */
  public enum State {
    /** Starting; no full data set received yet. */
    INITIALIZING,
    /** Running with current data. */
    VALID,
    /** Lost its connection or got bad data; retrying, evaluations use the last good data. */
    INTERRUPTED,
    /** Stopped for good: closed, or the service rejected the SDK key. */
    OFF
  }

  /** The kinds of data-source error. */
  public enum ErrorKind {
    /** A network failure (connection refused, timeout, reset). */
    NETWORK_ERROR,
    /** The service answered with an error status. */
    ERROR_RESPONSE,
    /** The service sent data that could not be parsed or applied. */
    INVALID_DATA,
    /** A local failure, such as an unreadable flags file. */
    STORE_ERROR,
    /** Anything else. */
    UNKNOWN
  }

  /**
   * An error seen by the data source.
   *
   * @param kind the kind of error
   * @param statusCode the HTTP status for {@link ErrorKind#ERROR_RESPONSE}, else 0
   * @param message a description, never containing the SDK key
   * @param time when it happened
   */
  public record ErrorInfo(ErrorKind kind, int statusCode, String message, Instant time) {
    /** Checks that kind and time are present. */
    public ErrorInfo {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(time, "time");
    }
  }
}
