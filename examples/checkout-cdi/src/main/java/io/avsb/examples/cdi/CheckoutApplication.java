package io.avsb.examples.cdi;

import io.avsb.jaxrs.AvsbFeature;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The checkout example's JAX-RS application on RESTEasy with CDI: the seed's routes, an async
 * variant, a flag-gated beta route and a who-am-I route, with {@link AvsbFeature} registered as on
 * Jersey. Resources are CDI beans and take {@code @Inject ScopedAvsb}; the feature finds the server
 * that {@code AvsbServletContextListener} started.
 */
public class CheckoutApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(CheckoutResource.class, AsyncCheckoutResource.class, BetaResource.class,
        WhoAmIResource.class, AvsbFeature.class);
  }
}
