package io.avsb.internal.log;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Takes what is written to {@code System.err} (where slf4j-simple logs in tests) while open, so
 * that expected log lines are asserted rather than printed; {@link #close()} restores the stream.
 */
public final class StderrCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  /** Starts capturing. */
  public StderrCapture() {
    System.setErr(new PrintStream(copy, true, StandardCharsets.UTF_8));
  }

  /** The lines written so far. */
  public List<String> lines() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** The lines written so far that contain {@code text}. */
  public List<String> linesWith(String text) {
    return lines().stream().filter(l -> l.contains(text)).toList();
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}
