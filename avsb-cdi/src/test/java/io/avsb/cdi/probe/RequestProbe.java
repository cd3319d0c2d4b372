package io.avsb.cdi.probe;

import io.avsb.ScopedAvsb;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** A request-scoped bean, as a JAX-RS resource under RESTEasy's CDI is: its helper stays. */
@RequestScoped
public class RequestProbe {
  @Inject ScopedAvsb avsb;

  public ScopedAvsb avsb() {
    return avsb;
  }
}
