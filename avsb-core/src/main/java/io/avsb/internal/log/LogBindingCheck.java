package io.avsb.internal.log;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Says once, on stderr, when the application has no SLF4J provider: the kit logs only through
 * SLF4J, so without one its log lines, errors included, are lost. SLF4J's own warning does not say
 * whose lines go missing nor what to add. An application that chose slf4j-nop on purpose is left
 * alone. Thread-safe.
 */
public final class LogBindingCheck {
  /** The line printed; it names the fix. */
  public static final String MESSAGE = "A vs B: no SLF4J provider found, so the kit's log lines"
      + " (errors included) are lost. Add an SLF4J 2 binding to the application, such as"
      + " org.slf4j:slf4j-simple or ch.qos.logback:logback-classic.";

  private static final AtomicBoolean SAID = new AtomicBoolean();

  private LogBindingCheck() {}

  /** Prints {@link #MESSAGE} to {@code System.err} if no provider is bound and not said before. */
  public static void warnIfUnbound() {
    warnIfUnbound(LoggerFactory.getILoggerFactory(),
        System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY),
        LoggerFactory.class.getClassLoader(), System.err, SAID);
  }

  /**
   * Prints {@link #MESSAGE} to {@code err} when {@code factory} is SLF4J's no-operation fallback,
   * no provider was named ({@code explicitProvider}, the {@code slf4j.provider} property, is null),
   * {@code loader} offers none and {@code said} was false; true when it printed.
   */
  static boolean warnIfUnbound(ILoggerFactory factory, String explicitProvider,
      ClassLoader loader, PrintStream err, AtomicBoolean said) {
    if (!(factory instanceof NOPLoggerFactory) || explicitProvider != null
        || hasProvider(loader) || !said.compareAndSet(false, true)) {
      return false;
    }
    err.println(MESSAGE);
    return true;
  }

  // what SLF4J's own discovery reads; the classes are not loaded here
  private static boolean hasProvider(ClassLoader loader) {
    try {
      return loader != null && loader.getResources(
          "META-INF/services/" + SLF4JServiceProvider.class.getName()).hasMoreElements();
    } catch (IOException e) {
      return false;
    }
  }
}
