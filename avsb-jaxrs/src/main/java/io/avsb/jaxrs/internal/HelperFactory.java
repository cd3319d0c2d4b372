package io.avsb.jaxrs.internal;

import io.avsb.ScopedAvsb;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.hk2.api.Factory;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * Makes the request-scoped {@link ScopedAvsb} that {@code @Context} injects: a {@link
 * RequestBoundAvsb} on the current request. HK2 calls it once per request, inside the request
 * scope. Thread-safe.
 */
public final class HelperFactory implements Factory<ScopedAvsb> {
  private final RequestHelpers helpers;
  private final Provider<ContainerRequestContext> requests;
  private final ServiceLocator locator;

  /** A factory over the feature's {@code helpers}, the current request and the container. */
  @Inject
  public HelperFactory(
      RequestHelpers helpers, Provider<ContainerRequestContext> requests, ServiceLocator locator) {
    this.helpers = helpers;
    this.requests = requests;
    this.locator = locator;
  }

  @Override
  public ScopedAvsb provide() {
    return new RequestBoundAvsb(helpers, requests.get(), locator);
  }

  @Override
  public void dispose(ScopedAvsb instance) {
    // nothing to release: the helper lives as long as the request's properties
  }
}
