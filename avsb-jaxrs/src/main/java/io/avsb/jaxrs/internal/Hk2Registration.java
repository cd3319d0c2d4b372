package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.ScopedAvsb;
import io.avsb.spi.ContextResolver;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;
import java.util.function.Function;

/**
 * {@code AvsbFeature} on Jersey with HK2 injection: the HK2 binder that makes {@code @Context
 * ScopedAvsb} injectable, and the filters HK2 constructs. Kept apart from the feature so that a
 * runtime without HK2 (RESTEasy) never loads a class whose signatures name HK2 types: RESTEasy
 * reflects over every method of a registered feature, lambdas included. Thread-safe.
 */
public final class Hk2Registration {
  private Hk2Registration() {}

  /**
   * Registers the binder and filters in {@code context} (once per application); helpers come from
   * {@code forUser}, or when it is null from the server in the servlet context attribute {@code
   * serverAttribute}, for the context {@code resolver} gives.
   */
  public static void register(
      FeatureContext context,
      String attributeName,
      Function<AvsbContext, ScopedAvsb> forUser,
      String serverAttribute,
      ContextResolver resolver) {
    if (context.getConfiguration().isRegistered(AvsbRequestFilter.class)) {
      return;
    }
    HelperSource source = helperSource(forUser, serverAttribute);
    RequestHelpers helpers = new RequestHelpers(attributeName, source, resolver);
    context.register(new HelperBinder(helpers));
    context.register(AvsbRequestFilter.class, Priorities.AUTHORIZATION + 1);
    context.register(FlagGateFilter.class, Priorities.AUTHORIZATION + 2);
  }

  private static HelperSource helperSource(
      Function<AvsbContext, ScopedAvsb> forUser, String serverAttribute) {
    if (forUser != null) {
      return locator -> forUser;
    }
    if (ServletServerSource.servletApiPresent()) {
      return new ServletServerSource(serverAttribute);
    }
    return locator -> null;
  }
}
