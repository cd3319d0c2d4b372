package io.avsb.internal.http;

/**
 * How the SDK treats HTTP error statuses from the A vs B service. Stateless and thread-safe.
 *
 * <p>Following the reference SDKs: network errors, every 5xx, and the client errors 400 (a proxy or
 * a transient service fault can produce it), 408 (request timeout) and 429 (rate limited) are
 * recoverable, so the SDK retries; any other 4xx (401 and 403 above all: the key is wrong or
 * revoked; also 404, 405 and the like) will not get better by retrying, so the SDK stops for good.
 */
public final class HttpStatuses {
  private HttpStatuses() {}

  /** True when a request that got {@code status} is worth retrying. */
  public static boolean isRecoverable(int status) {
    if (status >= 400 && status < 500) {
      return status == 400 || status == 408 || status == 429;
    }
    return true;
  }

  /** True for 401 and 403: the service rejected the SDK key. */
  public static boolean isKeyRejected(int status) {
    return status == 401 || status == 403;
  }
}
