package io.avsb.jaxrs.internal;

import io.avsb.ScopedAvsb;
import io.avsb.internal.web.ForwardingScopedAvsb;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * What {@code @Context ScopedAvsb} injects into request-scoped resources: a handle on the
 * request's helper that looks it up on first use, not when injected. Jersey creates resources
 * (fields, constructors) while matching, before the post-matching filter has resolved the
 * context; the first use comes later, in the resource method. The handle holds the request itself
 * (not a scope proxy), so it keeps working when handed to another thread, as an async resource
 * does. Thread-safe.
 */
final class RequestBoundAvsb extends ForwardingScopedAvsb {
  private final RequestHelpers helpers;
  private final ContainerRequestContext request;
  private final ServiceLocator locator;
  private volatile ScopedAvsb helper;

  RequestBoundAvsb(
      RequestHelpers helpers, ContainerRequestContext request, ServiceLocator locator) {
    this.helpers = helpers;
    this.request = request;
    this.locator = locator;
    this.helper = helpers.storedHelper(request);
  }

  @Override
  protected ScopedAvsb delegate() {
    ScopedAvsb h = helper;
    if (h == null) {
      synchronized (this) {
        h = helper;
        if (h == null) {
          h = helpers.helperFor(request, locator);
          helper = h;
        }
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return "ScopedAvsb[" + delegate().context() + "]";
  }
}
