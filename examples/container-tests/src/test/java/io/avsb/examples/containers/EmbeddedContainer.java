package io.avsb.examples.containers;

import java.util.List;

/** A servlet container started in the test JVM on an ephemeral port, serving WAR files. */
interface EmbeddedContainer {
  /** Deploys {@code apps} and starts the container. */
  void start(List<WebApp> apps) throws Exception;

  /** The port the container listens on. */
  int port();

  /** Stops the container and every webapp in it. */
  void stop() throws Exception;
}
