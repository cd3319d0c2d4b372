package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.jaxrs.FlagGate;
import io.avsb.spi.ContextResolver;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.AnnotatedElement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AvsbFeature} on a JAX-RS runtime without Jersey's HK2 (RESTEasy, or Jersey on another
 * injection manager): the request filter and the {@link FlagGate} filter as instances that need
 * nothing but JAX-RS, with the same priorities and the same {@link RequestHelpers} as on Jersey;
 * on RESTEasy also {@link ResteasyHelperInjector} for {@code @Context ScopedAvsb}.
 *
 * <p>No HK2 type is ever loaded here: {@link RequestHelpers} and {@link HelperSource} take the
 * injection container as an {@code Object}, the locator passed is always null and the {@link
 * ServerLookup} below ignores it. Thread-safe.
 */
public final class PortableRegistration {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.jaxrs");

  private PortableRegistration() {}

  /**
   * Registers the filters in {@code context} (once per application); helpers come from {@code
   * forUser}, or when it is null from the server in the servlet context attribute {@code
   * serverAttribute}.
   */
  public static void register(
      FeatureContext context,
      String attributeName,
      Function<AvsbContext, ScopedAvsb> forUser,
      String serverAttribute,
      ContextResolver resolver) {
    if (context.getConfiguration().isRegistered(Gate.class)) {
      return;
    }
    ServerLookup lookup = new ServerLookup(forUser);
    RequestHelpers helpers = new RequestHelpers(attributeName, lookup, resolver);
    Resolve resolve = forUser == null && servletApiPresent()
        ? new ServletResolve(helpers, lookup, serverAttribute)
        : new Resolve(helpers);
    context.register(resolve, Priorities.AUTHORIZATION + 1);
    context.register(new Gate(helpers), Priorities.AUTHORIZATION + 2);
    if (loadable("org.jboss.resteasy.spi.ContextInjector")
        && loadable("org.jboss.resteasy.core.ResteasyContext")) {
      context.register(new ResteasyHelperInjector(attributeName));
    }
  }

  private static boolean servletApiPresent() {
    return loadable("jakarta.servlet.ServletContext");
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className, false, PortableRegistration.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The given server's helpers, else those of the server found in the servlet context. */
  static final class ServerLookup implements HelperSource {
    private final Function<AvsbContext, ScopedAvsb> given;
    private volatile Function<AvsbContext, ScopedAvsb> found;

    ServerLookup(Function<AvsbContext, ScopedAvsb> given) {
      this.given = given;
    }

    boolean missing() {
      return given == null && found == null;
    }

    void offer(Object server) {
      if (server instanceof AvsbServer s) {
        found = s::forUser;
      }
    }

    @Override
    public Function<AvsbContext, ScopedAvsb> forUser(
        Object unused) {
      return given != null ? given : found;
    }
  }

  /**
   * Resolves the request's helper into the request properties after authentication and
   * authorization; on the way out sets a visitor cookie issued for the request. Never throws.
   */
  public static class Resolve implements ContainerRequestFilter, ContainerResponseFilter {
    private final RequestHelpers helpers;

    Resolve(RequestHelpers helpers) {
      this.helpers = Objects.requireNonNull(helpers, "helpers");
    }

    void beforeResolving() {}

    @Override
    public void filter(ContainerRequestContext request) {
      beforeResolving();
      helpers.helperFor(request, null);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      JaxrsWebRequest.setPendingCookies(request, response);
    }
  }

  /** {@link Resolve} that finds the servlet listener's server in the servlet context first. */
  public static final class ServletResolve extends Resolve {
    private final ServerLookup lookup;
    private final String serverAttribute;
    @Context private ServletContext servletContext;

    ServletResolve(RequestHelpers helpers, ServerLookup lookup, String serverAttribute) {
      super(helpers);
      this.lookup = lookup;
      this.serverAttribute = serverAttribute;
    }

    @Override
    void beforeResolving() {
      if (lookup.missing() && servletContext != null) {
        try {
          lookup.offer(servletContext.getAttribute(serverAttribute));
        } catch (RuntimeException e) {
          // outside a servlet container the injected proxy has nothing behind it
          LOG.debug("No servlet context to find the AvsbServer in: {}", e.toString());
        }
      }
    }
  }

  /**
   * Answers a {@link FlagGate}d request with the gate's status when the flag is off for the
   * request's helper; class gate first, then method gate. Bound by name: runs for gated
   * resources only.
   */
  @FlagGate("")
  public static final class Gate implements ContainerRequestFilter {
    private final RequestHelpers helpers;
    private final AtomicBoolean badStatusLogged = new AtomicBoolean();
    @Context private ResourceInfo resource;

    Gate(RequestHelpers helpers) {
      this.helpers = helpers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      FlagGate closed = closed(request, resource.getResourceClass());
      if (closed == null) {
        closed = closed(request, resource.getResourceMethod());
      }
      if (closed != null) {
        request.abortWith(Response.status(status(closed)).build());
      }
    }

    private FlagGate closed(ContainerRequestContext request, AnnotatedElement element) {
      FlagGate gate = element == null ? null : element.getAnnotation(FlagGate.class);
      if (gate == null) {
        return null;
      }
      return helpers.helperFor(request, null).getBoolFlag(gate.value(), false) ? null : gate;
    }

    private int status(FlagGate gate) {
      int status = gate.status();
      if (status >= 400 && status <= 599) {
        return status;
      }
      if (badStatusLogged.compareAndSet(false, true)) {
        LOG.warn("@FlagGate(\"{}\") has status {}, not 400-599; answering 404", gate.value(),
            status);
      }
      return 404;
    }
  }
}
