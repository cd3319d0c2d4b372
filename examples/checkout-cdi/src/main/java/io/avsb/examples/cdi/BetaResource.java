package io.avsb.examples.cdi;

import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import io.avsb.jaxrs.FlagGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A beta route that exists only for users with the {@code beta-api} flag on; 404 for others. */
@Path("beta")
@FlagGate("beta-api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BetaResource {
  @Inject ScopedAvsb avsb;

  /** {@code {"beta": true, "user": ...}}. */
  @GET
  public String beta() {
    return AvsbValue.fromJava(Map.of("beta", true, "user", avsb.context().key())).toJson();
  }
}
