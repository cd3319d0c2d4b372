package io.avsb.internal.datasource;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A response body read with two bounds: at most {@code maxBytes} bytes (counted as the caller
 * reads them, so after any decompression) and a deadline for the whole body, checked after every
 * read, so that a body trickling in a byte at a time, which never trips the socket's read timeout,
 * still ends. Not thread-safe: one reader. Made for polling responses: its messages say so.
 */
final class LimitedBody extends FilterInputStream {
  private final long maxBytes;
  private final String what;
  private final long deadline;
  private final Duration timeout;
  private long count;

  /**
   * Bounds {@code in}, read by a request that began at {@code startNanos} ({@link System#nanoTime})
   * and may last {@code timeout}; {@code what} names the body in error messages.
   */
  LimitedBody(InputStream in, long maxBytes, String what, long startNanos, Duration timeout) {
    super(in);
    this.maxBytes = maxBytes;
    this.what = what;
    this.timeout = timeout;
    this.deadline = startNanos + timeout.toNanos();
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    counted(b < 0 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    counted(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  private void counted(long n) throws IOException {
    if (n > 0) {
      count += n;
      if (count > maxBytes) {
        throw new BodyTooLargeException(
            what + " is larger than " + maxBytes + " bytes after decompression (maxDataBytes)");
      }
    }
    if (System.nanoTime() - deadline > 0) {
      throw new DeadlineException("the poll took longer than " + timeout + " (pollTimeout)");
    }
  }

  /** The body exceeded its byte limit: unusable data. */
  static final class BodyTooLargeException extends StreamDataException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
      super(message);
    }
  }

  /** The body did not arrive in time: a network failure. */
  static final class DeadlineException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    DeadlineException(String message) {
      super(message);
    }
  }
}
