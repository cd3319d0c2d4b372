package io.avsb.internal.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.event.Level;

/**
 * The log of a test JVM, held in memory so that a passing build prints no log line: every SLF4J
 * call (through {@link CapturingLogProvider}) and every {@code java.util.logging} record (through
 * {@link JulToCapturedLogs}) ends up here. Tests read it with {@link LogCapture}; a failed test's
 * lines are printed by {@link FailedTestLogs}. {@code -Davsb.test.logs=print} also prints every
 * line as it comes. Keeps the newest {@value #CAPACITY} events. Thread-safe.
 */
public final class CapturedLogs {
  static final int CAPACITY = 100_000;
  private static final boolean PRINT = "print".equals(System.getProperty("avsb.test.logs"));
  private static final Deque<LoggedEvent> EVENTS = new ArrayDeque<>();
  private static long last;

  private CapturedLogs() {}

  /** Records one event. */
  static void add(Level level, String logger, String message, Throwable throwable) {
    LoggedEvent event;
    synchronized (EVENTS) {
      event = new LoggedEvent(
          ++last, level, logger, Thread.currentThread().getName(), message, throwable);
      if (EVENTS.size() == CAPACITY) {
        EVENTS.removeFirst();
      }
      EVENTS.addLast(event);
    }
    if (PRINT) {
      System.err.println(event);
    }
  }

  /** The sequence number of the newest event so far (0 before the first). */
  public static long mark() {
    synchronized (EVENTS) {
      return last;
    }
  }

  /** The events after {@code mark}, oldest first. */
  public static List<LoggedEvent> since(long mark) {
    List<LoggedEvent> out = new ArrayList<>();
    synchronized (EVENTS) {
      for (LoggedEvent e : EVENTS) {
        if (e.sequence() > mark) {
          out.add(e);
        }
      }
    }
    return out;
  }
}
