package io.avsb.cdi.internal;

import io.avsb.ScopedAvsb;
import io.avsb.servlet.Avsb;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;

/**
 * One HTTP request as CDI sees it: the servlet request that started the request context (the
 * payload of {@code @Initialized(RequestScoped.class)}, as the CDI specification defines it for
 * servlet requests) and that request's helper. The helper lives in the request, where the servlet
 * filter, {@code Avsb.from} and JAX-RS keep it: the one already there is used, otherwise one is
 * resolved and stored there for them. Once the request has ended, a helper never resolved is an
 * error, never a look into a request object the container may have recycled. Thread-safe.
 */
@RequestScoped
public class RequestCell {
  /** The request attribute value of {@code Avsb.RESOLVED_BY_ATTRIBUTE} when CDI resolved. */
  public static final String RESOLVED_BY = "avsb-cdi";

  @Inject HelperResolution resolution;
  private HttpServletRequest request;
  private boolean ended;
  private ScopedAvsb helper;

  /** Keeps the servlet request whose request context this is. */
  synchronized void started(@Observes @Initialized(RequestScoped.class) ServletRequest started) {
    if (started instanceof HttpServletRequest http) {
      request = http;
    }
  }

  /**
   * This request's helper as a supplier bound to this cell itself, not to its client proxy (which
   * follows the calling thread's request), for handles that cross threads. A supplier rather than
   * {@code this}: Weld's proxies hand back themselves where a method returns {@code this}.
   */
  public Supplier<ScopedAvsb> boundHelper() {
    return this::helper;
  }

  /**
   * The request's helper: the one stored in the request (the servlet filter's, JAX-RS's or an
   * earlier call's), otherwise one resolved now and stored for the others.
   *
   * @throws ContextNotActiveException when the request context has no HTTP request (one
   *     activated by other means) or the request ended before its helper was resolved
   */
  public synchronized ScopedAvsb helper() {
    if (helper != null) {
      return helper;
    }
    if (request == null) {
      throw new ContextNotActiveException(ended
          ? "ScopedAvsb was first used after its HTTP request ended; use it while the request"
              + " runs (or resolve it there once, before handing it to another thread)"
          : "ScopedAvsb needs an HTTP request, and this request context has none (it was"
              + " activated outside a servlet request)");
    }
    Object stored = request.getAttribute(Avsb.HELPER_ATTRIBUTE);
    if (stored instanceof ScopedAvsb s) {
      helper = s;
    } else {
      helper = resolution.resolve(request);
      request.setAttribute(Avsb.HELPER_ATTRIBUTE, helper);
      if (request.getAttribute(Avsb.RESOLVED_BY_ATTRIBUTE) == null) {
        request.setAttribute(Avsb.RESOLVED_BY_ATTRIBUTE, RESOLVED_BY);
      }
      if (request.getAttribute(Avsb.DEFAULT_ATTRIBUTE) == null) {
        request.setAttribute(Avsb.DEFAULT_ATTRIBUTE, helper);
      }
    }
    return helper;
  }

  @PreDestroy
  synchronized void ended() {
    ended = true;
    request = null;
  }
}
