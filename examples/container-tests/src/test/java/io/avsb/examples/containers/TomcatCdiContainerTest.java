package io.avsb.examples.containers;

import java.nio.file.Path;

/** The CDI contract in embedded Tomcat 11, WARs unpacked into the host's app base. */
class TomcatCdiContainerTest extends CdiContainerContract {
  @Override
  EmbeddedContainer newContainer(Path workDir) throws Exception {
    return new TomcatContainer(workDir.resolve("tomcat"));
  }
}
