package io.avsb.examples.jaxrs;

import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The seed's routes: the checkout flags for the request's user, and a tracked purchase. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutResource {
  @Context private ScopedAvsb avsb;

  /** {@code {"showNewCheckout": ..., "theme": ...}} for the request's user. */
  @GET
  @Path("checkout")
  public String checkout() {
    return CheckoutView.of(avsb).toJson(Map.of());
  }

  /** Tracks the seed's purchase for the request's user; 202 {@code {"tracked": "purchase"}}. */
  @POST
  @Path("purchase")
  public Response purchase() {
    avsb.track("purchase", 149.99, Map.of("currency", "usd"));
    return Response.accepted(AvsbValue.fromJava(Map.of("tracked", "purchase")).toJson()).build();
  }
}
