package io.avsb.cdi;

import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.cdi.internal.CreatedServer;
import io.avsb.cdi.internal.DeferredAvsb;
import io.avsb.cdi.internal.RequestCell;
import io.avsb.servlet.Avsb;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans avsb-cdi adds to any CDI container (it is a bean archive): {@code @Inject ScopedAvsb}
 * and {@code @Inject AvsbServer}.
 *
 * <p>{@link ScopedAvsb}: the current HTTP request's helper, the very one the servlet filter,
 * {@code Avsb.from(request)} and JAX-RS ({@code @Context}) use: the one stored in the request when
 * something resolved it, otherwise resolved on first use and stored for them. It is looked up on
 * first use, not when injected, so resources created before the filters run are right. Injected
 * into a {@code @RequestScoped} bean (JAX-RS resources are, by default, under RESTEasy's CDI
 * integration) it stays with that bean's request and may be handed to other threads (async
 * resources); injected anywhere else (application-scoped beans, servlets, {@code @Dependent}
 * beans) it follows the calling thread's current request. Used with no HTTP request, it throws
 * {@link ContextNotActiveException}: never another user's helper.
 *
 * <p>{@link AvsbServer} ({@link Singleton}: the server is final, so it has no client proxy; one
 * per webapp): the server {@code AvsbServletContextListener} started when it ran; otherwise one
 * started from the same settings (context-parameters, system properties, environment), published
 * in the servlet context for the filter and {@code AvsbFeature}, and closed when the container
 * shuts down (its application context ends).
 *
 * <p>To replace either, produce your own as an enabled alternative; it wins over these without an
 * ambiguity error: {@code @Produces @Alternative @Priority(1) @Dependent ScopedAvsb mine(...)} or
 * {@code @Produces @Alternative @Priority(1) @Singleton AvsbServer mine()} (and dispose of your
 * server yourself). To resolve requests your way, produce a {@code
 * io.avsb.spi.ContextResolver} bean instead: it is used for requests no filter resolved.
 * Thread-safe.
 */
@ApplicationScoped
public class AvsbProducers {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.cdi");

  @Inject Instance<ServletContext> servletContexts;
  @Inject RequestCell requests;
  private CreatedServer created;

  /**
   * The current request's helper; see the class description for which request it follows.
   *
   * @param injectionPoint where it is injected
   */
  @Produces
  @Dependent
  ScopedAvsb scopedAvsb(InjectionPoint injectionPoint) {
    Bean<?> owner = injectionPoint == null ? null : injectionPoint.getBean();
    if (owner != null && owner.getScope() == RequestScoped.class) {
      return new DeferredAvsb(requests.boundHelper(), "ScopedAvsb[this request]");
    }
    return new DeferredAvsb(this::currentHelper, "ScopedAvsb[the current request]");
  }

  private ScopedAvsb currentHelper() {
    try {
      return requests.helper();
    } catch (ContextNotActiveException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("ScopedAvsb")) {
        throw e;
      }
      throw new ContextNotActiveException("ScopedAvsb is the current HTTP request's helper and"
          + " thread '" + Thread.currentThread().getName() + "' has no request. Use it while a"
          + " request runs, or inject it into a @RequestScoped bean to hand it to other threads.",
          e);
    }
  }

  /** The webapp's server: the listener's when it ran, else one started here. */
  @Produces
  @Singleton
  synchronized AvsbServer server() {
    ServletContext context = servletContext();
    AvsbServer listeners = context == null ? null : Avsb.server(context);
    if (listeners != null) {
      return listeners;
    }
    LOG.info("avsb-cdi starts the A vs B server: no AvsbServletContextListener ran{}",
        context == null ? " (no servlet context: system properties and environment only)" : "");
    created = CreatedServer.start(context);
    if (context != null) {
      context.setAttribute(Avsb.SERVER_ATTRIBUTE, created.server());
    }
    return created.server();
  }

  /**
   * Closes the server avsb-cdi started, when the application context ends (before the singleton
   * context, where the server bean lives: a disposer there would run on a new instance of this
   * bean, which never started anything). The listener closes its own server.
   */
  @PreDestroy
  synchronized void close() {
    if (created == null) {
      return;
    }
    ServletContext context = servletContext();
    if (context != null && context.getAttribute(Avsb.SERVER_ATTRIBUTE) == created.server()) {
      context.removeAttribute(Avsb.SERVER_ATTRIBUTE);
    }
    created.close();
    created = null;
  }

  private ServletContext servletContext() {
    if (!servletContexts.isResolvable()) {
      return null;
    }
    try {
      ServletContext context = servletContexts.get();
      context.getContextPath();
      return context;
    } catch (RuntimeException e) {
      // a ServletContext bean with no servlet context behind it (container shutting down)
      return null;
    }
  }
}
