package io.avsb.internal.datasource;

import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.spi.DataSourceUpdates;
import io.avsb.internal.http.HttpStatuses;
import io.avsb.internal.http.KeyMask;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Why a request of a network data source failed, and whether it is worth retrying (see {@link
 * HttpStatuses}). Immutable and thread-safe.
 *
 * @param kind the status error kind
 * @param status the HTTP status for {@link ErrorKind#ERROR_RESPONSE}, else 0
 * @param message a description without the SDK key or payload text
 * @param recoverable whether to retry
 */
public record HttpFailure(ErrorKind kind, int status, String message, boolean recoverable) {
  /** Checks that kind and message are present. */
  public HttpFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** The service at {@code what} answered {@code status}. */
  public static HttpFailure response(int status, String what) {
    return new HttpFailure(
        ErrorKind.ERROR_RESPONSE, status, what + " answered HTTP " + status, HttpStatuses.isRecoverable(status));
  }

  /** A network failure (refused, reset, timed out, closed); always recoverable. */
  public static HttpFailure network(String message) {
    return new HttpFailure(ErrorKind.NETWORK_ERROR, 0, message, true);
  }

  /** Unusable data; recoverable (the last good data stays in use). */
  public static HttpFailure invalidData(String message) {
    return new HttpFailure(ErrorKind.INVALID_DATA, 0, message, true);
  }

  /** True for 401 and 403. */
  public boolean keyRejected() {
    return kind == ErrorKind.ERROR_RESPONSE && HttpStatuses.isKeyRejected(status);
  }

  /** This failure as a status error at {@code time}. */
  public ErrorInfo toErrorInfo(Instant time) {
    return new ErrorInfo(kind, status, message, time);
  }

  /**
   * Reports this failure as the source's status at {@code time}: {@code OFF} when it is not
   * recoverable, else {@code INTERRUPTED} once the source has had data ({@code initialized}) and
   * {@code INITIALIZING} before. The caller holds its report lock and has checked it is not closed.
   */
  public void reportTo(DataSourceUpdates updates, boolean initialized, Instant time) {
    State state = !recoverable ? State.OFF : initialized ? State.INTERRUPTED : State.INITIALIZING;
    updates.updateStatus(state, toErrorInfo(time));
  }

  /**
   * Logs, once, the single ERROR line for a failure that stops {@code source} for good; the key is
   * masked.
   */
  public void logStopped(Logger log, String source, String sdkKey) {
    if (keyRejected()) {
      log.error(
          "SDK key rejected (HTTP {}) by the A vs B service, key ending in {}: the {} data source has"
              + " stopped and will not retry; check the SDK key",
          status,
          KeyMask.mask(sdkKey),
          source);
    } else {
      log.error(
          "{}, which retrying cannot fix: the {} data source has stopped and will not retry",
          message,
          source);
    }
  }
}
