package io.avsb.examples.jaxrs;

import io.avsb.ScopedAvsb;
import io.avsb.jaxrs.AvsbFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The checkout answer computed on a worker thread: the injected helper is handed to another
 * thread, which reads the request's flags and resumes the response. The body adds {@code user}
 * (the key the helper is bound to), {@code otherThread}, and {@code sameHelper}: whether the
 * worker's read is the very result held by the helper in the request attribute {@code avsb}
 * (where servlets and JSPs find it), as one memoising helper per request gives.
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
  public void checkout(
      @Context ScopedAvsb avsb,
      @Context ContainerRequestContext request,
      @Suspended AsyncResponse response) {
    Object inRequest = request.getProperty(AvsbFeature.DEFAULT_ATTRIBUTE);
    Thread requestThread = Thread.currentThread();
    CompletableFuture.supplyAsync(
            () -> {
              Map<String, Object> extra = new LinkedHashMap<>();
              extra.put("user", avsb.context().key());
              extra.put("sameHelper", sameResult(avsb, inRequest));
              extra.put("otherThread", Thread.currentThread() != requestThread);
              return CheckoutView.of(avsb).toJson(extra);
            },
            workers)
        .whenComplete((body, error) -> response.resume(error != null ? error : body));
  }

  private static boolean sameResult(ScopedAvsb avsb, Object inRequest) {
    return inRequest instanceof ScopedAvsb stored
        && stored.getBoolFlagDetail("checkout-v2", false)
            == avsb.getBoolFlagDetail("checkout-v2", false);
  }
}
