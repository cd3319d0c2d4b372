package io.avsb.internal.log;

import org.slf4j.event.Level;

/**
 * One log line a test run produced, kept in memory by {@link CapturedLogs} instead of being
 * printed. Immutable.
 *
 * @param sequence the position in the run's log, counting from 1
 * @param level the level (JUL levels mapped to the nearest SLF4J one)
 * @param logger the logger's name
 * @param thread the name of the thread that logged
 * @param message the message with its arguments filled in
 * @param throwable the attached throwable, or null
 */
public record LoggedEvent(
    long sequence, Level level, String logger, String thread, String message, Throwable throwable) {
  /** The line as slf4j-simple would print it, with the throwable's class and message. */
  @Override
  public String toString() {
    return "[" + thread + "] " + level + " " + logger + " - " + message
        + (throwable == null ? "" : " | " + throwable);
  }
}
