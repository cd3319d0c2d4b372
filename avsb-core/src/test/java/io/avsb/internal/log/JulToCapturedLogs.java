package io.avsb.internal.log;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.event.Level;

/**
 * The {@code java.util.logging} configuration of the project's tests (system property {@code
 * java.util.logging.config.class}, set by the root POM): Jersey, Grizzly and Tomcat log through
 * JUL, and their INFO and above records go to {@link CapturedLogs} instead of the console.
 * Instantiated once by the {@link LogManager}.
 */
public final class JulToCapturedLogs {
  private static final String CONFIG =
      "handlers=" + CapturingHandler.class.getName() + "\n.level=INFO\n";

  /** Configures JUL with the capturing handler as the root logger's only handler. */
  public JulToCapturedLogs() {
    try {
      LogManager.getLogManager().readConfiguration(
          new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hands each record to {@link CapturedLogs}; created by the {@link LogManager}. */
  public static final class CapturingHandler extends Handler {
    private final Formatter formatter = new Formatter() {
      @Override
      public String format(LogRecord record) {
        return formatMessage(record);
      }
    };

    @Override
    public void publish(LogRecord record) {
      int v = record.getLevel().intValue();
      if (v < java.util.logging.Level.INFO.intValue()) {
        return;
      }
      Level level = v >= java.util.logging.Level.SEVERE.intValue() ? Level.ERROR
          : v >= java.util.logging.Level.WARNING.intValue() ? Level.WARN : Level.INFO;
      CapturedLogs.add(level, String.valueOf(record.getLoggerName()), formatter.format(record),
          record.getThrown());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
