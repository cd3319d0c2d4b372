package io.avsb.internal.log;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the log lines of a failed test (they are captured, not printed, while tests pass), so a
 * failure comes with its context. Registered for every test by JUnit's extension auto-detection,
 * which the root POM turns on. Thread-safe.
 */
public final class FailedTestLogs implements BeforeEachCallback, TestWatcher {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(FailedTestLogs.class);
  private static final int MAX_LINES = 200;

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NS).put("mark", CapturedLogs.mark());
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Long mark = context.getStore(NS).get("mark", Long.class);
    List<LoggedEvent> events = CapturedLogs.since(mark == null ? 0 : mark);
    if (events.isEmpty()) {
      return;
    }
    int from = Math.max(0, events.size() - MAX_LINES);
    StringBuilder out = new StringBuilder("Log of the failed test ")
        .append(context.getDisplayName()).append(from > 0 ? " (last " + MAX_LINES + " lines)" : "")
        .append(":\n");
    for (LoggedEvent e : events.subList(from, events.size())) {
      out.append("  ").append(e).append('\n');
    }
    System.out.print(out);
  }
}
