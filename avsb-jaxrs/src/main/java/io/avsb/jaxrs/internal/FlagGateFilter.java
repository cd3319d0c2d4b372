package io.avsb.jaxrs.internal;

import io.avsb.ScopedAvsb;
import io.avsb.jaxrs.FlagGate;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.hk2.api.ServiceLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a {@link FlagGate}d request with the gate's status when its flag is off for the
 * request's helper (a missing or non-boolean flag counts as off). Bound by name to {@code
 * FlagGate}: runs only for gated resources. Thread-safe (a singleton).
 */
@FlagGate("")
public final class FlagGateFilter implements ContainerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.jaxrs");

  private final RequestHelpers helpers;
  private final ServiceLocator locator;
  private final AtomicBoolean badStatusLogged = new AtomicBoolean();
  @Context private ResourceInfo resource;

  /** A filter reading flags through the feature's {@code helpers}. */
  @Inject
  public FlagGateFilter(RequestHelpers helpers, ServiceLocator locator) {
    this.helpers = helpers;
    this.locator = locator;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> type = resource.getResourceClass();
    Method method = resource.getResourceMethod();
    FlagGate closed = closed(request, type == null ? null : type.getAnnotation(FlagGate.class));
    if (closed == null) {
      closed = closed(request, method == null ? null : method.getAnnotation(FlagGate.class));
    }
    if (closed != null) {
      request.abortWith(Response.status(status(closed)).build());
    }
  }

  private FlagGate closed(ContainerRequestContext request, FlagGate gate) {
    if (gate == null) {
      return null;
    }
    ScopedAvsb helper = helpers.helperFor(request, locator);
    return helper.getBoolFlag(gate.value(), false) ? null : gate;
  }

  private int status(FlagGate gate) {
    int status = gate.status();
    if (status >= 400 && status <= 599) {
      return status;
    }
    if (badStatusLogged.compareAndSet(false, true)) {
      LOG.warn("@FlagGate(\"{}\") has status {}, not 400-599; answering 404", gate.value(), status);
    }
    return 404;
  }
}
