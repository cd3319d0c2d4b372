package io.avsb.examples.jaxrs;

import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import io.avsb.jaxrs.FlagGate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A beta route that exists only for users with the {@code beta-api} flag on; 404 for others. */
@Path("beta")
@FlagGate("beta-api")
@Produces(MediaType.APPLICATION_JSON)
public class BetaResource {
  /** {@code {"beta": true, "user": ...}}. */
  @GET
  public String beta(@Context ScopedAvsb avsb) {
    return AvsbValue.fromJava(Map.of("beta", true, "user", avsb.context().key())).toJson();
  }
}
