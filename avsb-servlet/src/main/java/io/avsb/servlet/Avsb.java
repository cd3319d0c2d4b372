package io.avsb.servlet;

import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.AnonymousContexts;
import io.avsb.internal.web.HelperAttributes;
import io.avsb.servlet.internal.RequestHelpers;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;

/**
 * Static access to the kit from servlets, JSPs and async code: the request's helper and the
 * webapp's server. State lives in request and ServletContext attributes, never in a
 * ThreadLocal, so a thread that finishes an async request sees the same helper. The attribute
 * names are those of every A vs B web adapter: a JAX-RS resource of the same request finds the
 * same helper. Thread-safe.
 */
public final class Avsb {
  /** The request attribute holding the helper unless the filter's {@code attribute} renames it. */
  public static final String DEFAULT_ATTRIBUTE = HelperAttributes.DEFAULT_NAME;
  /** The request attribute that always holds the helper, whatever the filter's configuration. */
  public static final String HELPER_ATTRIBUTE = HelperAttributes.HELPER;
  /** The ServletContext attribute holding the webapp's {@link AvsbServer}. */
  public static final String SERVER_ATTRIBUTE = HelperAttributes.SERVER;
  /**
   * The request attribute marking a request whose context is resolved; its value is the name of
   * the filter that resolved it. Every later pass of any {@link AvsbFilter} over the request (an
   * async, forward, include or error dispatch, a second registration) keeps that resolution.
   */
  public static final String RESOLVED_BY_ATTRIBUTE = "io.avsb.servlet.resolvedBy";

  private Avsb() {}

  /**
   * The helper of {@code request}: the one {@link AvsbFilter} resolved, from any thread. When the
   * filter did not run for the request (it is not mapped to the path or dispatch), a helper for the
   * anonymous context is made, kept in the request and logged once per webapp. Never null, never
   * throws.
   */
  public static ScopedAvsb from(ServletRequest request) {
    Object helper = request.getAttribute(HELPER_ATTRIBUTE);
    if (helper instanceof ScopedAvsb s) {
      return s;
    }
    ServletContext context = request.getServletContext();
    RequestHelpers.log(context).notFiltered(
        "Map AvsbFilter to every path and dispatcher type (Avsb.from found no helper).");
    ScopedAvsb fallback = RequestHelpers.forContext(context, AnonymousContexts.ANONYMOUS);
    request.setAttribute(HELPER_ATTRIBUTE, fallback);
    return fallback;
  }

  /** The webapp's server started by {@link AvsbServletContextListener}, or null if none. */
  public static AvsbServer server(ServletContext context) {
    return RequestHelpers.server(context);
  }
}
