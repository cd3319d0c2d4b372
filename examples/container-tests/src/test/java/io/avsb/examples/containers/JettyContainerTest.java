package io.avsb.examples.containers;

import java.nio.file.Path;

/** The contract in embedded Jetty 12 (ee10 WebAppContext), WARs left packed. */
class JettyContainerTest extends CheckoutContainerContract {
  @Override
  EmbeddedContainer newContainer(Path workDir) {
    return new JettyContainer(workDir);
  }
}
