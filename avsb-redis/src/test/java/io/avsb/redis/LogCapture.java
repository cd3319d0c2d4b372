package io.avsb.redis;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Takes what is written to {@code System.err} (where slf4j-simple logs) while open, instead of
 * printing it, so that a test can assert the log lines it expects without showing them in the
 * build's output; {@link #close()} restores the stream. Thread-safe; one capture at a time.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  /** Starts capturing. */
  public LogCapture() {
    System.setErr(new PrintStream(copy, true, StandardCharsets.UTF_8));
  }

  /** The lines captured so far. */
  public List<String> lines() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** The captured lines containing {@code text}. */
  public List<String> linesWith(String text) {
    return lines().stream().filter(l -> l.contains(text)).toList();
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}
