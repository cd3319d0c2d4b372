package io.avsb.jaxrs.internal;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * Resolves the request's helper and stores it as the request property; registered after the
 * authentication and authorization filters so the {@code SecurityContext} they set is known. On
 * the way out it sets the visitor cookie issued for the request, if any. Never throws.
 * Thread-safe (a singleton).
 */
public final class AvsbRequestFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private final RequestHelpers helpers;
  private final ServiceLocator locator;

  /** A filter for the feature's {@code helpers}. */
  @Inject
  public AvsbRequestFilter(RequestHelpers helpers, ServiceLocator locator) {
    this.helpers = helpers;
    this.locator = locator;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    helpers.helperFor(request, locator);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    JaxrsWebRequest.setPendingCookies(request, response);
  }
}
