package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.AnonymousContexts;
import io.avsb.internal.web.MemoizingScopedAvsb;
import io.avsb.internal.web.UnavailableScopedAvsb;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.glassfish.hk2.api.ServiceLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each JAX-RS request its one helper, kept as the request property {@link
 * #attributeName()} (and the class name of {@code ScopedAvsb}): the helper already there (the servlet
 * filter's, under a servlet container, where request properties are the servlet request
 * attributes) or a new memoising one for the resolved context. Never throws: a resolver failure
 * or an invalid context makes the request anonymous (or a sticky visitor), a missing server gives
 * a helper that answers every default; each kind of failure is logged once per instance. One
 * instance per registered {@link io.avsb.jaxrs.AvsbFeature}. Thread-safe.
 */
public final class RequestHelpers {
  /**
   * The request attribute where the servlet filter always keeps the helper, whatever name it is
   * configured with ({@code io.avsb.servlet.Avsb.HELPER_ATTRIBUTE}); read first so that a renamed
   * attribute is still reused, and written so that {@code Avsb.from(request)} finds ours.
   */
  // the servlet filter publishes under the same name: ScopedAvsb's class name, known to both sides
  static final String SHARED_ATTRIBUTE = ScopedAvsb.class.getName();

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.jaxrs");

  private final String attributeName;
  private final HelperSource helperSource;
  private final ContextSource identity;
  private final VisitorCookie visitors;
  private final AtomicBoolean noServerLogged = new AtomicBoolean();
  private final AtomicBoolean serverFailureLogged = new AtomicBoolean();
  private final AtomicBoolean identityFailureLogged = new AtomicBoolean();
  private final AtomicBoolean invalidContextLogged = new AtomicBoolean();
  private final AtomicBoolean visitorFailureLogged = new AtomicBoolean();

  /**
   * Helpers stored under {@code attributeName}, made by the source {@code helperSource} for the
   * context from {@code identity}; requests that name nobody are sticky visitors when {@code
   * visitors} is not null, else the shared anonymous context.
   */
  public RequestHelpers(
      String attributeName,
      HelperSource helperSource,
      ContextSource identity,
      VisitorCookie visitors) {
    this.attributeName = Objects.requireNonNull(attributeName, "attributeName");
    this.helperSource = Objects.requireNonNull(helperSource, "helperSource");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.visitors = visitors;
  }

  /** The request property (servlet request attribute) holding the helper. */
  public String attributeName() {
    return attributeName;
  }

  /** The helper stored on {@code request}, created and stored first if there is none. */
  public ScopedAvsb helperFor(ContainerRequestContext request, ServiceLocator locator) {
    ScopedAvsb helper = storedHelper(request);
    if (helper == null) {
      helper = create(request, locator);
      request.setProperty(SHARED_ATTRIBUTE, helper);
    }
    if (request.getProperty(attributeName) != helper) {
      request.setProperty(attributeName, helper);
    }
    return helper;
  }

  /** The helper already stored on {@code request}, or null. */
  public ScopedAvsb storedHelper(ContainerRequestContext request) {
    if (request.getProperty(SHARED_ATTRIBUTE) instanceof ScopedAvsb helper) {
      return helper;
    }
    return request.getProperty(attributeName) instanceof ScopedAvsb helper ? helper : null;
  }

  private ScopedAvsb create(ContainerRequestContext request, ServiceLocator locator) {
    AvsbContext context = contextFor(request);
    Function<AvsbContext, ScopedAvsb> forUser = forUser(locator);
    if (forUser == null) {
      if (noServerLogged.compareAndSet(false, true)) {
        LOG.warn(
            "No AvsbServer for JAX-RS requests: construct AvsbFeature with a server, or register"
                + " the A vs B servlet listener. Every flag gives its default value.");
      }
      return MemoizingScopedAvsb.wrap(new UnavailableScopedAvsb(context));
    }
    try {
      ScopedAvsb helper = forUser.apply(context);
      return MemoizingScopedAvsb.wrap(helper != null ? helper : new UnavailableScopedAvsb(context));
    } catch (RuntimeException e) {
      logOnce(serverFailureLogged, "Making the helper threw {}; every flag gives its default", e);
      return MemoizingScopedAvsb.wrap(new UnavailableScopedAvsb(context));
    }
  }

  private Function<AvsbContext, ScopedAvsb> forUser(ServiceLocator locator) {
    try {
      return helperSource.forUser(locator);
    } catch (RuntimeException e) {
      logOnce(serverFailureLogged, "Looking up the AvsbServer threw {}", e);
      return null;
    }
  }

  private AvsbContext contextFor(ContainerRequestContext request) {
    AvsbContext identified;
    try {
      identified = identity.identify(request);
    } catch (RuntimeException e) {
      logOnce(identityFailureLogged, "The context resolver threw {}; the request is anonymous", e);
      identified = null;
    }
    if (identified != null && !identified.isValid()) {
      if (invalidContextLogged.compareAndSet(false, true)) {
        LOG.warn("The context resolver gave an invalid context; the request is anonymous");
      }
      identified = null;
    }
    if (identified != null) {
      return identified;
    }
    if (visitors != null) {
      try {
        return visitors.visitor(request);
      } catch (RuntimeException e) {
        logOnce(visitorFailureLogged, "Reading the visitor cookie threw {}", e);
      }
    }
    return AnonymousContexts.ANONYMOUS;
  }

  private static void logOnce(AtomicBoolean logged, String message, RuntimeException e) {
    if (logged.compareAndSet(false, true)) {
      // the exception's class only: its message may quote request data
      LOG.error(message, e.getClass().getName());
    }
  }
}
