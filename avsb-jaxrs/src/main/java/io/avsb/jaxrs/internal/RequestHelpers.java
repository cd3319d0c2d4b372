package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.HelperAttributes;
import io.avsb.internal.web.WebHelpers;
import io.avsb.internal.web.WebLog;
import io.avsb.spi.ContextResolver;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Objects;

/**
 * Gives each JAX-RS request its one helper, kept as request properties where every A vs B adapter
 * keeps it ({@link HelperAttributes}): the helper already there (the servlet filter's, under a
 * servlet container, where request properties are the servlet request attributes) or a new one
 * made by the shared {@link WebHelpers} path for the context the resolver gives. Never throws;
 * fallbacks are logged once per instance. One instance per registered {@link
 * io.avsb.jaxrs.AvsbFeature}. Thread-safe.
 */
public final class RequestHelpers {
  private final String attributeName;
  private final HelperSource helperSource;
  private final ContextResolver resolver;
  private final WebLog log = new WebLog("io.avsb.jaxrs", "construct AvsbFeature with a server, or"
      + " register the A vs B servlet listener.");

  /**
   * Helpers stored under {@code attributeName}, made by the source {@code helperSource} for the
   * context {@code resolver} gives.
   */
  public RequestHelpers(String attributeName, HelperSource helperSource, ContextResolver resolver) {
    this.attributeName = Objects.requireNonNull(attributeName, "attributeName");
    this.helperSource = Objects.requireNonNull(helperSource, "helperSource");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** The request property (servlet request attribute) holding the helper. */
  public String attributeName() {
    return attributeName;
  }

  /** The helper stored on {@code request}, created and stored first if there is none. */
  public ScopedAvsb helperFor(ContainerRequestContext request, Object locator) {
    ScopedAvsb helper = storedHelper(request);
    if (helper == null) {
      AvsbContext context = WebHelpers.context(resolver, new JaxrsWebRequest(request), log);
      helper = WebHelpers.helper(() -> helperSource.forUser(locator), context, log);
    }
    HelperAttributes.keep(properties(request), attributeName, helper);
    return helper;
  }

  /** The helper already stored on {@code request}, or null. */
  public ScopedAvsb storedHelper(ContainerRequestContext request) {
    return HelperAttributes.find(properties(request), attributeName);
  }

  private static HelperAttributes.Attributes properties(ContainerRequestContext request) {
    return new HelperAttributes.Attributes() {
      @Override
      public Object get(String name) {
        return request.getProperty(name);
      }

      @Override
      public void set(String name, Object value) {
        request.setProperty(name, value);
      }
    };
  }
}
