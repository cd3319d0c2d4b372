package io.avsb.internal.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that hands INFO and above to {@link CapturedLogs}; DEBUG and TRACE are off, as
 * they are by default in slf4j-simple. Thread-safe.
 */
final class CapturingLogger extends LegacyAbstractLogger {
  CapturingLogger(String name) {
    this.name = name;
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    if (level == Level.DEBUG || level == Level.TRACE) {
      return;
    }
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    CapturedLogs.add(level, name, message, throwable);
  }
}
