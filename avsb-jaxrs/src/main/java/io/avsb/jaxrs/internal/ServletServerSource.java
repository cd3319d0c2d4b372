package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.function.Function;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * Finds the server that the servlet listener stored as a {@link ServletContext} attribute, when
 * Jersey runs in a servlet container. Looked up through the injection container rather than an
 * injected field, so that a missing servlet binding (Jersey outside a container) gives null
 * instead of a failed deployment. Only loaded when the Servlet API is present. Thread-safe: the
 * server, once found, is kept (it lives as long as the webapp, as Jersey does).
 */
public final class ServletServerSource implements HelperSource {
  private final String attributeName;
  private volatile AvsbServer server;

  /** A source reading the context attribute {@code attributeName}. */
  public ServletServerSource(String attributeName) {
    this.attributeName = Objects.requireNonNull(attributeName, "attributeName");
  }

  /** True when the Servlet API can be loaded by this class's loader. */
  public static boolean servletApiPresent() {
    try {
      ClassLoader loader = ServletServerSource.class.getClassLoader();
      Class.forName("jakarta.servlet.ServletContext", false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public Function<AvsbContext, ScopedAvsb> forUser(Object locator) {
    AvsbServer found = server(locator);
    return found == null ? null : found::forUser;
  }

  // the locator is HK2's: this source serves the Jersey path only
  private AvsbServer server(Object locator) {
    AvsbServer found = server;
    if (found != null) {
      return found;
    }
    ServletContext context = servletContext((ServiceLocator) locator);
    Object attribute = context == null ? null : context.getAttribute(attributeName);
    if (attribute instanceof AvsbServer s) {
      server = s;
      return s;
    }
    return null;
  }

  private static ServletContext servletContext(ServiceLocator locator) {
    ServletContext context = locator.getService(ServletContext.class);
    if (context != null) {
      return context;
    }
    HttpServletRequest request = locator.getService(HttpServletRequest.class);
    return request == null ? null : request.getServletContext();
  }
}
