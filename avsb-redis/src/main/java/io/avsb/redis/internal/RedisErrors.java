package io.avsb.redis.internal;

/**
 * Short descriptions of Jedis failures for status and log lines. Jedis messages name the host and
 * the error, never the password. Stateless and thread-safe.
 */
final class RedisErrors {
  private RedisErrors() {}

  static String describe(Throwable e) {
    String message = e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && (message == null
        || !message.contains(cause.getMessage()))) {
      message = (message == null ? "" : message + ": ") + cause.getMessage();
    }
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
