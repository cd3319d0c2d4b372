package io.avsb.servlet.internal;

import io.avsb.AvsbContext;
import io.avsb.internal.web.HeaderMapping;
import io.avsb.spi.ContextResolver;
import io.avsb.spi.ContextResolvers;
import io.avsb.spi.WebRequest;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the filter's resolver from its init-parameters: {@code resolver} is {@code headers} (the
 * default), {@code principal}, {@code cookie} (the headers with a visitor cookie), or the name of a
 * class implementing {@link ContextResolver}; {@code keyHeader} and {@code attributeHeaders} (such
 * as {@code x-user-plan=plan}) configure the header resolver; {@code visitorCookie} names the
 * visitor cookie and gives any of them one ({@link ContextResolvers#visitorCookie}).
 *
 * <p>A configuration error is logged and gives a resolver that makes every request anonymous,
 * not the header resolver: falling back to headers would let a client choose its own identity in
 * an app that meant to resolve users some other way.
 */
public final class ResolverChoice {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");

  /** The resolver used after a configuration error: every request names nobody. */
  public static final ContextResolver ANONYMOUS_ONLY = new ContextResolver() {
    @Override
    public AvsbContext resolve(WebRequest request) {
      return null;
    }

    @Override
    public String toString() {
      return "anonymous";
    }
  };

  private ResolverChoice() {}

  /** The resolver described by {@code initParameters}, loading classes from {@code loader}. */
  public static ContextResolver choose(UnaryOperator<String> initParameters, ClassLoader loader) {
    HeaderMapping mapping;
    try {
      mapping = HeaderMapping.parse(
          initParameters.apply("keyHeader"), initParameters.apply("attributeHeaders"));
    } catch (IllegalArgumentException e) {
      LOG.error("AvsbFilter: {}; every request will be anonymous", e.getMessage());
      return ANONYMOUS_ONLY;
    }
    String spec = initParameters.apply("resolver");
    String name = spec == null || spec.isBlank() ? "headers" : spec.trim();
    String cookie = initParameters.apply("visitorCookie");
    boolean visitors = name.equalsIgnoreCase("cookie") || cookie != null && !cookie.isBlank();
    ContextResolver chosen = switch (name.toLowerCase(Locale.ROOT)) {
      case "headers", "cookie" ->
          ContextResolvers.headers(mapping.keyHeader(), mapping.attributeHeaders());
      case "principal" -> ContextResolvers.principal();
      default -> load(name, loader);
    };
    if (!visitors || chosen == ANONYMOUS_ONLY) {
      return chosen;
    }
    try {
      return cookie == null || cookie.isBlank()
          ? ContextResolvers.visitorCookie(chosen)
          : ContextResolvers.visitorCookie(chosen, cookie.trim());
    } catch (IllegalArgumentException e) {
      LOG.error("AvsbFilter: {}; every request will be anonymous", e.getMessage());
      return ANONYMOUS_ONLY;
    }
  }

  private static ContextResolver load(String className, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(className, true, loader);
      if (!ContextResolver.class.isAssignableFrom(type)) {
        LOG.error("AvsbFilter: resolver class {} does not implement {}; every request will be"
            + " anonymous", type.getName(), ContextResolver.class.getName());
        return ANONYMOUS_ONLY;
      }
      return (ContextResolver) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.error("AvsbFilter: resolver {} is not headers, principal, cookie or a loadable class"
          + " ({}); every request will be anonymous", className, e.toString());
      return ANONYMOUS_ONLY;
    }
  }
}
