package io.avsb.servlet.internal;

import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads settings from MicroProfile Config when the application has both its API and an
 * implementation (as WildFly, Payara, Open Liberty, TomEE and Quarkus do), by the same names as the
 * context-parameters. Without them it is a lookup that finds nothing: the API is an optional
 * dependency, and its types are only touched once {@link #lookup} has seen that they load.
 * Thread-safe.
 */
final class MicroProfileSettings {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");
  private static final String PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";

  private MicroProfileSettings() {}

  /** A lookup in the configuration {@code loader} sees, or one that finds nothing. */
  static UnaryOperator<String> lookup(ClassLoader loader) {
    try {
      // our own loader: this class links against the API through it
      Class.forName(PROVIDER, false, MicroProfileSettings.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return name -> null;
    }
    return Reader.lookup(loader);
  }

  /** Loaded only when the API is present. */
  private static final class Reader {
    static UnaryOperator<String> lookup(ClassLoader loader) {
      Config config;
      try {
        config = loader == null ? ConfigProvider.getConfig() : ConfigProvider.getConfig(loader);
      } catch (RuntimeException | LinkageError e) {
        // the API without an implementation: as if there were no MicroProfile Config
        LOG.debug("MicroProfile Config API present but no configuration: {}", e.toString());
        return name -> null;
      }
      return name -> {
        try {
          return config.getOptionalValue(name, String.class).orElse(null);
        } catch (RuntimeException e) {
          // a value its converters or expressions reject: the next source decides; the message
          // is not logged, it may hold the value (an SDK key)
          LOG.warn("MicroProfile Config could not give {} as text ({}); the next source is used",
              name, e.getClass().getName());
          return null;
        }
      };
    }
  }
}
