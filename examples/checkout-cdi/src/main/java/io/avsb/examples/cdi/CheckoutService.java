package io.avsb.examples.cdi;

import io.avsb.ScopedAvsb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A plain CDI service bean, one for the whole application, that reads flags for whoever the
 * current request is for: its injected helper follows the calling thread's request.
 * Thread-safe.
 */
@ApplicationScoped
public class CheckoutService {
  @Inject ScopedAvsb avsb;

  /** The checkout flags for the current request's user. */
  public CheckoutView view() {
    return CheckoutView.of(avsb);
  }

  /** The key of the current request's context. */
  public String user() {
    return avsb.context().key();
  }
}
