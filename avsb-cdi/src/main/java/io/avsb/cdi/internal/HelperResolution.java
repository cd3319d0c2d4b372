package io.avsb.cdi.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.AnonymousContexts;
import io.avsb.internal.web.MemoizingScopedAvsb;
import io.avsb.internal.web.UnavailableScopedAvsb;
import io.avsb.servlet.internal.Loaders;
import io.avsb.servlet.internal.ResolverChoice;
import io.avsb.servlet.spi.ContextResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a request that no filter resolved: the application's own {@link ContextResolver} bean
 * when it has exactly one, otherwise the resolver the {@code avsb.resolver}, {@code
 * avsb.keyHeader} and {@code avsb.attributeHeaders} settings name (the servlet filter's
 * vocabulary: {@code headers}, the default, {@code principal}, {@code cookie} or a class name),
 * each read from the context-parameter, the system property, then the environment ({@code
 * AVSB_RESOLVER}, ...). The helper comes from the {@link AvsbServer} bean. Never throws: a failing
 * resolver makes the request anonymous, logged once. Thread-safe.
 */
@ApplicationScoped
public class HelperResolution {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.cdi");

  @Inject Instance<ContextResolver> applicationResolvers;
  @Inject Instance<AvsbServer> servers;
  private volatile ContextResolver resolver;
  private final AtomicBoolean resolverFailureLogged = new AtomicBoolean();
  private final AtomicBoolean serverFailureLogged = new AtomicBoolean();

  /** A memoising helper for {@code request}'s context. */
  public ScopedAvsb resolve(HttpServletRequest request) {
    AvsbContext context = contextOf(request);
    try {
      return MemoizingScopedAvsb.wrap(servers.get().forUser(context));
    } catch (RuntimeException e) {
      if (serverFailureLogged.compareAndSet(false, true)) {
        LOG.error("No AvsbServer bean could be had ({}); flags give their defaults (logged once)",
            e.toString());
      }
      return MemoizingScopedAvsb.wrap(new UnavailableScopedAvsb(context));
    }
  }

  private AvsbContext contextOf(HttpServletRequest request) {
    ContextResolver r = resolver(request.getServletContext());
    try {
      // no response here: a resolver that sets cookies needs AvsbFilter mapped in front
      AvsbContext context = r.resolve(request, null);
      if (context != null && context.isValid()) {
        return context;
      }
      logResolverFailure("gave " + (context == null ? "no context" : "an invalid context"), r);
    } catch (RuntimeException e) {
      logResolverFailure("threw " + e.getClass().getName(), r);
    }
    return AnonymousContexts.ANONYMOUS;
  }

  private void logResolverFailure(String what, ContextResolver r) {
    if (resolverFailureLogged.compareAndSet(false, true)) {
      LOG.warn("avsb-cdi: resolver {} {}; the request is anonymous (logged once). A resolver that"
          + " sets cookies needs AvsbFilter mapped to the request.", r, what);
    }
  }

  private ContextResolver resolver(ServletContext servletContext) {
    ContextResolver r = resolver;
    if (r == null) {
      r = choose(servletContext);
      resolver = r;
    }
    return r;
  }

  private ContextResolver choose(ServletContext servletContext) {
    if (applicationResolvers.isResolvable()) {
      LOG.debug("avsb-cdi resolves requests with the application's ContextResolver bean");
      return applicationResolvers.get();
    }
    if (applicationResolvers.isAmbiguous()) {
      LOG.error("avsb-cdi: more than one ContextResolver bean; using the avsb.resolver setting."
          + " Make one of them an @Alternative with a @Priority.");
    }
    return ResolverChoice.choose(
        name -> setting(servletContext, name), Loaders.of(servletContext));
  }

  /** {@code avsb.<name>} from the context-parameters, system properties, then environment. */
  static String setting(ServletContext servletContext, String name) {
    String key = "avsb." + name;
    String v = servletContext == null ? null : servletContext.getInitParameter(key);
    if (v == null || v.isBlank()) {
      v = System.getProperty(key);
    }
    if (v == null || v.isBlank()) {
      v = System.getenv("AVSB_" + name.replaceAll("([a-z])([A-Z])", "$1_$2")
          .toUpperCase(Locale.ROOT));
    }
    return v == null || v.isBlank() ? null : v.trim();
  }
}
