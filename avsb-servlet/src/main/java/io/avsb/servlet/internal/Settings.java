package io.avsb.servlet.internal;

import jakarta.servlet.ServletContext;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Looks a {@link Setting} up in the webapp's context-parameters, then the JVM's system properties,
 * then MicroProfile Config when the webapp has it (same names as the context-parameters), then the
 * environment; the first non-blank value wins, trimmed. The lookups are injected so that tests
 * need neither a container nor a changed environment. Thread-safe when the lookups are.
 */
public final class Settings {
  /**
   * A value and where it came from, for log lines that must not show the value.
   *
   * @param value the trimmed value
   * @param source such as {@code context-param avsb.flagsFile}
   */
  public record Found(String value, String source) {}

  private final UnaryOperator<String> contextParameters;
  private final UnaryOperator<String> systemProperties;
  private final UnaryOperator<String> microProfileConfig;
  private final UnaryOperator<String> environment;

  /** Settings from the three given lookups, without MicroProfile Config. */
  public Settings(
      UnaryOperator<String> contextParameters,
      UnaryOperator<String> systemProperties,
      UnaryOperator<String> environment) {
    this(contextParameters, systemProperties, name -> null, environment);
  }

  /** Settings from the four given lookups, in this order. */
  public Settings(
      UnaryOperator<String> contextParameters,
      UnaryOperator<String> systemProperties,
      UnaryOperator<String> microProfileConfig,
      UnaryOperator<String> environment) {
    this.contextParameters = Objects.requireNonNull(contextParameters, "contextParameters");
    this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
    this.microProfileConfig = Objects.requireNonNull(microProfileConfig, "microProfileConfig");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /**
   * The settings of {@code context}, with the JVM's system properties, MicroProfile Config as the
   * webapp's class loader sees it (when there is one), and the environment.
   */
  public static Settings of(ServletContext context) {
    return new Settings(context::getInitParameter, System::getProperty,
        MicroProfileSettings.lookup(Loaders.of(context)), System::getenv);
  }

  /**
   * Settings outside a servlet container: system properties, MicroProfile Config as {@code
   * loader} sees it (when there is one), and the environment.
   */
  public static Settings outsideWebapp(ClassLoader loader) {
    return new Settings(name -> null, System::getProperty, MicroProfileSettings.lookup(loader),
        System::getenv);
  }

  /** The value of {@code setting}, or null when it is unset or blank everywhere. */
  public Found find(Setting setting) {
    String v = contextParameters.apply(setting.parameter());
    if (v != null && !v.isBlank()) {
      return new Found(v.trim(), "context-param " + setting.parameter());
    }
    v = systemProperties.apply(setting.parameter());
    if (v != null && !v.isBlank()) {
      return new Found(v.trim(), "system property " + setting.parameter());
    }
    v = microProfileConfig.apply(setting.parameter());
    if (v != null && !v.isBlank()) {
      return new Found(v.trim(), "MicroProfile Config " + setting.parameter());
    }
    v = environment.apply(setting.environmentVariable());
    if (v != null && !v.isBlank()) {
      return new Found(v.trim(), "environment variable " + setting.environmentVariable());
    }
    return null;
  }
}
