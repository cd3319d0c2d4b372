package io.avsb.cdi.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.WebHelpers;
import io.avsb.internal.web.WebLog;
import io.avsb.servlet.internal.Loaders;
import io.avsb.servlet.internal.RequestHelpers;
import io.avsb.servlet.internal.ResolverChoice;
import io.avsb.servlet.internal.ServletWebRequest;
import io.avsb.spi.ContextResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a request that no filter resolved: the application's own {@link ContextResolver} bean
 * when it has exactly one, otherwise the resolver the {@code avsb.resolver}, {@code
 * avsb.keyHeader} and {@code avsb.attributeHeaders} settings name (the servlet filter's
 * vocabulary: {@code headers}, the default, {@code principal}, {@code cookie} or a class name),
 * each read from the context-parameter, the system property, then the environment ({@code
 * AVSB_RESOLVER}, ...). The helper comes from the {@link AvsbServer} bean. Never throws: the
 * shared web path ({@link WebHelpers}) makes a failing resolver's request anonymous and a missing
 * server's helper give every default, logged once per webapp. Thread-safe.
 */
@ApplicationScoped
public class HelperResolution {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.cdi");

  @Inject Instance<ContextResolver> applicationResolvers;
  @Inject Instance<AvsbServer> servers;
  private volatile ContextResolver resolver;

  /** A memoising helper for {@code request}'s context. */
  public ScopedAvsb resolve(HttpServletRequest request) {
    ServletContext servletContext = request.getServletContext();
    WebLog log = RequestHelpers.log(servletContext);
    // no response here: a resolver that sets cookies needs AvsbFilter mapped in front
    AvsbContext context = WebHelpers.context(
        resolver(servletContext), new ServletWebRequest(request, null), log);
    return WebHelpers.helper(() -> servers.get()::forUser, context, log);
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
