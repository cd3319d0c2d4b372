package io.avsb.servlet;

import io.avsb.AvsbContext;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.AnonymousContexts;
import io.avsb.internal.web.WebHelpers;
import io.avsb.internal.web.WebLog;
import io.avsb.servlet.internal.Loaders;
import io.avsb.servlet.internal.RequestHelpers;
import io.avsb.servlet.internal.ResolverChoice;
import io.avsb.servlet.internal.ServletWebRequest;
import io.avsb.spi.ContextResolver;
import io.avsb.spi.ContextResolvers;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves who each request is for and puts a helper scoped to that context in the request
 * attribute {@code avsb} (and {@link Avsb#HELPER_ATTRIBUTE}), where servlets, JSPs and async
 * threads find it, directly or through {@link Avsb#from}. The helper memoises: within the request
 * a flag gives one value and one evaluation record.
 *
 * <p>Map it to {@code /*} with every dispatcher type and {@code async-supported}. It resolves once
 * per request: later passes (async, forward, include and error dispatches, a second registration
 * of this filter) keep the first resolution. It never fails a request: a resolver that names
 * nobody gives the anonymous context, one that throws or gives an invalid context too (logged once
 * per webapp), and a webapp without a server gets a helper that gives every default. Resolvers
 * follow the {@link ContextResolver} contract shared with the JAX-RS feature.
 *
 * <p>Init-parameters: {@code attribute} (default {@code avsb}); {@code resolver}: {@code headers}
 * (default), {@code principal}, {@code cookie} (the headers with a visitor cookie), or a {@link
 * ContextResolver} class name; {@code keyHeader} (default {@code x-user-id}) and {@code
 * attributeHeaders} (default {@code x-user-plan=plan}) for the header resolver; {@code
 * visitorCookie}: a cookie name, giving the chosen resolver a sticky visitor cookie of that name
 * ({@link ContextResolvers#visitorCookie}). A resolver given to the constructor wins over these
 * four. Thread-safe once initialised.
 */
public class AvsbFilter implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");

  private final ContextResolver given;
  private volatile ContextResolver resolver;
  private volatile String attribute = Avsb.DEFAULT_ATTRIBUTE;
  private volatile String name = AvsbFilter.class.getSimpleName();
  private volatile WebLog log = RequestHelpers.log(null);

  /** A filter configured by its init-parameters (for {@code web.xml}). */
  public AvsbFilter() {
    this.given = null;
    this.resolver = ContextResolvers.headers();
  }

  /** A filter using {@code resolver} (for programmatic registration). */
  public AvsbFilter(ContextResolver resolver) {
    this.given = Objects.requireNonNull(resolver, "resolver");
    this.resolver = resolver;
  }

  /** Reads the init-parameters. */
  @Override
  public void init(FilterConfig config) {
    name = config.getFilterName();
    log = RequestHelpers.log(config.getServletContext());
    String a = config.getInitParameter("attribute");
    if (a != null && !a.isBlank()) {
      attribute = a.trim();
    }
    if (given == null) {
      resolver = ResolverChoice.choose(
          config::getInitParameter, Loaders.of(config.getServletContext()));
    }
    LOG.debug("AvsbFilter {} resolves with {} into attribute {}", name, resolver, attribute);
  }

  /** Resolves the request's context unless an earlier pass did, then continues the chain. */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(Avsb.RESOLVED_BY_ATTRIBUTE) == null) {
      bind(request, response);
    } else if (request.getAttribute(attribute) == null) {
      request.setAttribute(attribute, request.getAttribute(Avsb.HELPER_ATTRIBUTE));
    }
    chain.doFilter(request, response);
  }

  private void bind(ServletRequest request, ServletResponse response) {
    request.setAttribute(Avsb.RESOLVED_BY_ATTRIBUTE, name);
    AvsbContext context = resolve(request, response);
    ScopedAvsb helper = RequestHelpers.forContext(request.getServletContext(), context);
    request.setAttribute(Avsb.HELPER_ATTRIBUTE, helper);
    request.setAttribute(attribute, helper);
  }

  private AvsbContext resolve(ServletRequest request, ServletResponse response) {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse httpResponse) {
      return WebHelpers.context(resolver, new ServletWebRequest(http, httpResponse), log);
    }
    return AnonymousContexts.ANONYMOUS;
  }
}
