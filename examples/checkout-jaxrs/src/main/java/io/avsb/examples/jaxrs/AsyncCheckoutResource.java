package io.avsb.examples.jaxrs;

import io.avsb.ScopedAvsb;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The checkout answer computed on a worker thread: the injected helper is handed to another
 * thread, which reads the request's flags and resumes the response. The body adds {@code user},
 * the key the helper is bound to.
 */
@Path("checkout/async")
@Produces(MediaType.APPLICATION_JSON)
public class AsyncCheckoutResource {
  private final Executor workers;

  /** A resource running its work on {@code workers}. */
  public AsyncCheckoutResource(Executor workers) {
    this.workers = workers;
  }

  /** Suspends the request and answers it from a worker thread. */
  @GET
  public void checkout(@Context ScopedAvsb avsb, @Suspended AsyncResponse response) {
    CompletableFuture.supplyAsync(
            () -> CheckoutView.of(avsb).toJson(Map.of("user", avsb.context().key())), workers)
        .whenComplete((body, error) -> response.resume(error != null ? error : body));
  }
}
