package io.avsb.jaxrs;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.HelperAttributes;
import io.avsb.internal.web.VisitorCookieResolver;
import io.avsb.jaxrs.internal.Hk2Registration;
import io.avsb.jaxrs.internal.PortableRegistration;
import io.avsb.spi.ContextResolver;
import io.avsb.spi.ContextResolvers;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A vs B for a JAX-RS application on Jersey (3.1 or 4.0, with HK2 injection). Registers a request
 * filter that runs after authentication and authorization, resolves who the request is for, and
 * keeps that request's helper as the request property {@code avsb}; makes {@code @Context
 * ScopedAvsb} injectable into resource methods, fields and constructors; and enforces {@link
 * FlagGate}.
 *
 * <pre>{@code
 * // standalone: hand the feature the application's server
 * new ResourceConfig(CheckoutResource.class).register(new AvsbFeature(server));
 * // in a servlet container with the A vs B servlet listener: the feature finds the server
 * new ResourceConfig(CheckoutResource.class).register(AvsbFeature.class);
 * }</pre>
 *
 * <p>Under a servlet container, Jersey's request properties are the servlet request attributes:
 * when the A vs B servlet filter has already run, its helper is reused, so servlets and resources
 * of one request share one helper. By default the context comes from the headers {@code
 * x-user-id} (the key) and {@code x-user-plan} (the {@code plan} attribute), none giving the
 * anonymous key {@code anon}; {@link #builder()} takes any {@link ContextResolver}, the same
 * resolvers as the servlet filter. Nothing on a request path throws: a failing resolver makes the
 * request anonymous and is logged once per registration.
 *
 * <p>The feature is immutable and may be registered in several applications; each registration
 * gets its own request state. Thread-safe.
 */
public final class AvsbFeature implements Feature {
  /** The request property (servlet request attribute) holding the helper by default. */
  public static final String DEFAULT_ATTRIBUTE = HelperAttributes.DEFAULT_NAME;

  private final Function<AvsbContext, ScopedAvsb> forUser;
  private final String attributeName;
  private final String serverAttribute;
  private final ContextResolver resolver;

  /**
   * A feature for a servlet container: the server is the one the A vs B servlet listener stored
   * in the servlet context; contexts come from the default headers.
   */
  public AvsbFeature() {
    this(builder());
  }

  /** A feature using {@code server}, with contexts from the default headers. */
  public AvsbFeature(AvsbServer server) {
    this(builder().server(server));
  }

  private AvsbFeature(Builder b) {
    this.forUser = b.forUser;
    this.attributeName = b.attributeName;
    this.serverAttribute = b.serverAttribute;
    this.resolver = b.visitorCookie == null
        ? b.resolver
        : ContextResolvers.visitorCookie(b.resolver, b.visitorCookie);
  }

  /** A builder for a feature with a chosen server, resolver, attribute name or visitor cookie. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers the filters and the injection binding. Registering the feature twice in one
   * application registers them once. On Jersey with HK2 injection ({@code jersey-hk2}) {@code
   * @Context ScopedAvsb} works everywhere; on RESTEasy it works on request threads (see the
   * README); on other runtimes the filters and {@link FlagGate} work and the helper is the
   * request property (or {@code @Inject ScopedAvsb} with the {@code avsb-cdi} module).
   */
  @Override
  public boolean configure(FeatureContext context) {
    if (onJerseyWithHk2(context)) {
      Hk2Registration.register(context, attributeName, forUser, serverAttribute, resolver);
    } else {
      PortableRegistration.register(context, attributeName, forUser, serverAttribute, resolver);
    }
    return true;
  }

  // HK2's binder only on Jersey with HK2 injection; every other runtime (RESTEasy) never loads
  // an HK2 type, so it needs none on its class path
  private static boolean onJerseyWithHk2(FeatureContext context) {
    if (!context.getClass().getName().startsWith("org.glassfish.jersey.")) {
      return false;
    }
    try {
      Class.forName(
          "org.glassfish.hk2.utilities.binding.AbstractBinder",
          false,
          AvsbFeature.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Builds an {@link AvsbFeature}. One way of identifying requests applies, the last one chosen:
   * {@link #headers headers} (the default), {@link #principal() the principal} or {@link #resolver
   * a resolver}; {@link #visitorCookie()} adds a sticky visitor to any of them. Setters validate
   * eagerly and name the bad argument. Not thread-safe.
   */
  public static final class Builder {
    private Function<AvsbContext, ScopedAvsb> forUser;
    private String attributeName = DEFAULT_ATTRIBUTE;
    private String serverAttribute = HelperAttributes.SERVER;
    private ContextResolver resolver = ContextResolvers.headers();
    private String visitorCookie;

    private Builder() {}

    /** The server to use; without one, the servlet listener's server is looked up. */
    public Builder server(AvsbServer server) {
      Objects.requireNonNull(server, "server");
      this.forUser = server::forUser;
      return this;
    }

    /** The request property (servlet request attribute) for the helper; default {@code avsb}. */
    public Builder attributeName(String attributeName) {
      this.attributeName = requireText(attributeName, "attributeName");
      return this;
    }

    /**
     * The servlet context attribute holding the server, for an app that keeps a server of its own
     * there; default {@code io.avsb.AvsbServer}, where the A vs B servlet listener keeps it
     * (which is not configurable).
     */
    public Builder serverAttribute(String serverAttribute) {
      this.serverAttribute = requireText(serverAttribute, "serverAttribute");
      return this;
    }

    /**
     * Identifies requests by headers: {@code keyHeader} gives the key of a {@code user} context,
     * each entry of {@code attributeHeaders} maps a header to a string attribute. Values are
     * untrusted: one over 256 characters or with a control character makes the request
     * anonymous. The default is {@code headers("x-user-id", Map.of("x-user-plan", "plan"))}.
     */
    public Builder headers(String keyHeader, Map<String, String> attributeHeaders) {
      return resolver(ContextResolvers.headers(keyHeader, attributeHeaders));
    }

    /**
     * Identifies requests by the authenticated principal's name (the {@code SecurityContext} as
     * set by the container or an authentication filter); requests without one are anonymous.
     */
    public Builder principal() {
      return resolver(ContextResolvers.principal());
    }

    /**
     * Identifies requests with {@code resolver}, called once per request after authentication:
     * any {@link ContextResolver}, such as the built-in {@link ContextResolvers} the servlet
     * filter takes too. It returns null for a request that names nobody; a null result, an
     * invalid context or an exception makes the request anonymous (the last two are logged once).
     */
    public Builder resolver(ContextResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Gives requests that name nobody a sticky anonymous visitor key from the cookie {@code
     * avsb_visitor} (issued when missing: HttpOnly, SameSite=Lax, Secure on HTTPS), so a visitor
     * stays in one experiment bucket across requests: {@link ContextResolvers#visitorCookie}
     * around the chosen resolver.
     */
    public Builder visitorCookie() {
      return visitorCookie(ContextResolvers.VISITOR_COOKIE);
    }

    /** As {@link #visitorCookie()}, with the cookie called {@code name}. */
    public Builder visitorCookie(String name) {
      this.visitorCookie = VisitorCookieResolver.requireCookieName(name, "visitorCookie");
      return this;
    }

    /** Builds the feature. */
    public AvsbFeature build() {
      return new AvsbFeature(this);
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
