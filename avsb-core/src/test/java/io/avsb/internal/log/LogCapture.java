package io.avsb.internal.log;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.event.Level;

/**
 * What the code under test logged, for assertions. As a field, {@code @RegisterExtension final
 * LogCapture logs = new LogCapture();} sees each test's lines; in a block, {@code try (LogCapture
 * log = new LogCapture()) {...}} sees the lines from its creation to its close. It sees every
 * thread's lines, so filter by logger or message. Thread-safe.
 */
public final class LogCapture implements BeforeEachCallback, AutoCloseable {
  private volatile long start = CapturedLogs.mark();
  private volatile long end = Long.MAX_VALUE;

  @Override
  public void beforeEach(ExtensionContext context) {
    start = CapturedLogs.mark();
    end = Long.MAX_VALUE;
  }

  /** Every event in the window, oldest first. */
  public List<LoggedEvent> events() {
    long last = end;
    return CapturedLogs.since(start).stream().filter(e -> e.sequence() <= last).toList();
  }

  /** The events matching {@code filter}. */
  public List<LoggedEvent> events(Predicate<LoggedEvent> filter) {
    return events().stream().filter(filter).toList();
  }

  /** The messages at {@code level} from loggers whose name starts with {@code loggerPrefix}. */
  public List<String> messages(Level level, String loggerPrefix) {
    return events(e -> e.level() == level && e.logger().startsWith(loggerPrefix)).stream()
        .map(LoggedEvent::message)
        .toList();
  }

  /** The events as slf4j-simple would print them ({@link LoggedEvent#toString()}). */
  public List<String> lines() {
    return events().stream().map(LoggedEvent::toString).toList();
  }

  /** The lines ({@link #lines()}) that contain {@code text}. */
  public List<String> linesWith(String text) {
    return lines().stream().filter(l -> l.contains(text)).toList();
  }

  /** Ends the window: later lines are not seen. */
  @Override
  public void close() {
    end = CapturedLogs.mark();
  }
}
