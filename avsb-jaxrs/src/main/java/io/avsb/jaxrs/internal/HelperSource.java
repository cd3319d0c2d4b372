package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.ScopedAvsb;
import java.util.function.Function;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * Finds where a request's helpers come from: normally {@code AvsbServer::forUser} of the
 * application's server. Implementations are thread-safe.
 */
@FunctionalInterface
public interface HelperSource {
  /**
   * The helper maker, or null when there is no server (yet). Called on request threads inside
   * Jersey's request scope; {@code locator} is the application's injection container.
   */
  Function<AvsbContext, ScopedAvsb> forUser(ServiceLocator locator);
}
