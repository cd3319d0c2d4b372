package io.avsb.jaxrs.internal;

import io.avsb.ScopedAvsb;
import java.util.Objects;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;

/**
 * Binds {@link ScopedAvsb} for {@code @Context} injection with HK2's own binder, which Jersey 3.1
 * and 4.0 both accept (Jersey 4 dropped its internal one). Request-scoped, from {@link
 * HelperFactory}; request-scoped resources get the handle itself, singletons a scope proxy
 * ({@code proxyForSameScope(false)}), so only singletons are limited to request threads.
 */
public final class HelperBinder extends AbstractBinder {
  private final RequestHelpers helpers;

  /** A binder for the feature's {@code helpers}. */
  public HelperBinder(RequestHelpers helpers) {
    this.helpers = Objects.requireNonNull(helpers, "helpers");
  }

  @Override
  protected void configure() {
    bind(helpers).to(RequestHelpers.class);
    bindFactory(HelperFactory.class)
        .to(ScopedAvsb.class)
        .proxy(true)
        .proxyForSameScope(false)
        .in(RequestScoped.class);
  }
}
