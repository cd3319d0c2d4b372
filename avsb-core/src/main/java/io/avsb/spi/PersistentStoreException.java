package io.avsb.spi;

/**
 * A {@link PersistentStore} operation failed because the store is unreachable or refused it. The
 * message says why and never contains a password. Immutable once thrown.
 */
public class PersistentStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public PersistentStoreException(String message) {
    super(message);
  }

  /** An exception with {@code message} caused by {@code cause}. */
  public PersistentStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
