package io.avsb.cdi.probe;

import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application-scoped bean, as a service bean is: its helper follows the current request. */
@ApplicationScoped
public class AppProbe {
  @Inject ScopedAvsb avsb;
  @Inject AvsbServer server;

  public ScopedAvsb avsb() {
    return avsb;
  }

  public AvsbServer server() {
    return server;
  }
}
