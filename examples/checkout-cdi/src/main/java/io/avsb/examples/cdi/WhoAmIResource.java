package io.avsb.examples.cdi;

import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whom the request was resolved to, as the resource ({@code key}) and the application-scoped
 * service ({@code service}) see it. With {@code ?pair=true} the request reads the service, waits
 * (up to 10 s) until a second {@code pair} request is in too, then reads it again ({@code
 * serviceAfter}): two requests for different users, side by side, each see only their own user.
 */
@Path("whoami")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WhoAmIResource {
  @Inject ScopedAvsb avsb;
  @Inject CheckoutService service;
  @Inject Pairs pairs;

  /** {@code {"key": ..., "anonymous": ..., "service": ...}}, plus {@code serviceAfter} if paired. */
  @GET
  public Response whoami(@QueryParam("pair") boolean pair) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", avsb.context().key());
    body.put("anonymous", avsb.context().isAnonymous());
    body.put("service", service.user());
    if (pair) {
      if (!pairs.meet()) {
        return Response.status(Response.Status.GATEWAY_TIMEOUT).build();
      }
      body.put("serviceAfter", service.user());
    }
    return Response.ok(AvsbValue.fromJava(body).toJson()).build();
  }

  /** Lets two {@code pair} requests wait for each other. Thread-safe. */
  @ApplicationScoped
  public static class Pairs {
    private final CyclicBarrier barrier = new CyclicBarrier(2);

    /** True once a second request met this one; false after 10 s alone. */
    boolean meet() {
      try {
        barrier.await(10, TimeUnit.SECONDS);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        barrier.reset();
        return false;
      } catch (BrokenBarrierException | TimeoutException e) {
        barrier.reset();
        return false;
      }
    }
  }
}
