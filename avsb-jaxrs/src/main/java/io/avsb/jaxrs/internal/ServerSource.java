package io.avsb.jaxrs.internal;

import io.avsb.AvsbServer;
import org.glassfish.hk2.api.ServiceLocator;

/** Finds the application's {@link AvsbServer} for a request. Implementations are thread-safe. */
@FunctionalInterface
public interface ServerSource {
  /**
   * The server, or null when there is none (yet). Called on request threads inside Jersey's
   * request scope; {@code locator} is the application's injection container.
   */
  AvsbServer server(ServiceLocator locator);
}
