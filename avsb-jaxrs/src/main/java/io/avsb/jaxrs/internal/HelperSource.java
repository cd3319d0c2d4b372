package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.ScopedAvsb;
import java.util.function.Function;

/**
 * Finds where a request's helpers come from: normally {@code AvsbServer::forUser} of the
 * application's server. Implementations are thread-safe.
 */
@FunctionalInterface
public interface HelperSource {
  /**
   * The helper maker, or null when there is no server (yet). Called on request threads inside
   * Jersey's request scope; {@code locator} is the application's injection container (HK2's
   * {@code ServiceLocator} on Jersey, null elsewhere: typed {@code Object} so that no other runtime
   * loads an HK2 type).
   */
  Function<AvsbContext, ScopedAvsb> forUser(Object locator);
}
