package io.avsb.examples.cdi;

import io.avsb.ScopedAvsb;
import io.avsb.servlet.Avsb;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The checkout answer computed on a worker thread: the injected helper (this resource is
 * request-scoped, so its helper stays with this request) is used on another thread. The body
 * adds {@code user}, {@code otherThread}, and {@code sameHelper}: whether the worker's read is the
 * very result held by the helper in the request (where servlets and {@code Avsb.from} find it).
 */
@Path("checkout/async")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AsyncCheckoutResource {
  @Inject ScopedAvsb avsb;
  @Inject Workers workers;

  /** Suspends the request and answers it from a worker thread. */
  @GET
  public void checkout(@Context HttpServletRequest request, @Suspended AsyncResponse response) {
    Object inRequest = request.getAttribute(Avsb.HELPER_ATTRIBUTE);
    Thread requestThread = Thread.currentThread();
    CompletableFuture.supplyAsync(
            () -> {
              Map<String, Object> extra = new LinkedHashMap<>();
              extra.put("user", avsb.context().key());
              extra.put("sameHelper", inRequest instanceof ScopedAvsb stored
                  && stored.getBoolFlagDetail("checkout-v2", false)
                      == avsb.getBoolFlagDetail("checkout-v2", false));
              extra.put("otherThread", Thread.currentThread() != requestThread);
              return CheckoutView.of(avsb).toJson(extra);
            },
            workers)
        .whenComplete((body, error) -> response.resume(error != null ? error : body));
  }
}
