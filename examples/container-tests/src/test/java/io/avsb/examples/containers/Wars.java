package io.avsb.examples.containers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example WAR files, found through system properties that the module's surefire
 * configuration points at each example module's {@code target/} directory.
 */
final class Wars {
  private Wars() {}

  /** {@code examples/checkout-servlet/target/checkout-servlet.war}. */
  static Path checkoutServlet() {
    return file("avsb.war.checkout-servlet");
  }

  /** {@code examples/checkout-cdi/target/checkout-cdi.war}: Weld and RESTEasy inside. */
  static Path checkoutCdi() {
    return file("avsb.war.checkout-cdi");
  }

  /** The seed's flags file, {@code examples/flags.json}. */
  static Path seedFlags() {
    return file("avsb.flags.seed");
  }

  private static Path file(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(property + " is not set: run the tests through Maven");
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " does not exist: build it first (mvn -am ...)");
    }
    return path;
  }
}
