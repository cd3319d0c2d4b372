package io.avsb.examples.containers;

import java.nio.file.Path;

/** The JAX-RS contract in embedded Jetty 12 (ee10 WebAppContext), WARs left packed. */
class JettyJaxrsContainerTest extends JaxrsContainerContract {
  @Override
  EmbeddedContainer newContainer(Path workDir) {
    return new JettyContainer(workDir);
  }
}
