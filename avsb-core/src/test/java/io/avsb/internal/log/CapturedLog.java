package io.avsb.internal.log;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Takes what is written to {@code System.err} (where slf4j-simple logs) while open, without
 * passing it on, so that expected warnings are asserted rather than printed; {@link #close()}
 * restores the stream. For tests that run one at a time.
 */
public final class CapturedLog implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  /** Starts capturing. */
  public CapturedLog() {
    System.setErr(new PrintStream(copy, true, StandardCharsets.UTF_8));
  }

  /** The lines logged so far. */
  public List<String> lines() {
    System.err.flush();
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** The lines logged so far that contain {@code text}. */
  public List<String> linesWith(String text) {
    return lines().stream().filter(l -> l.contains(text)).toList();
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}
