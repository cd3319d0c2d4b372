package io.avsb.examples.cdi;

import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The seed's routes: the checkout flags for the request's user, and a tracked purchase. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutResource {
  @Inject ScopedAvsb avsb;
  @Inject CheckoutService checkout;

  /** {@code {"showNewCheckout": ..., "theme": ...}} for the request's user, from the service. */
  @GET
  @Path("checkout")
  public String checkout() {
    return checkout.view().toJson(Map.of());
  }

  /** Tracks the seed's purchase for the request's user; 202 {@code {"tracked": "purchase"}}. */
  @POST
  @Path("purchase")
  public Response purchase() {
    avsb.track("purchase", 149.99, Map.of("currency", "usd"));
    return Response.accepted(AvsbValue.fromJava(Map.of("tracked", "purchase")).toJson()).build();
  }
}
