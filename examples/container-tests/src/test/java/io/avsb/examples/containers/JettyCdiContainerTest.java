package io.avsb.examples.containers;

import java.nio.file.Path;

/** The CDI contract in embedded Jetty 12 (ee10 WebAppContext), WARs left packed. */
class JettyCdiContainerTest extends CdiContainerContract {
  @Override
  EmbeddedContainer newContainer(Path workDir) {
    return new JettyContainer(workDir);
  }
}
