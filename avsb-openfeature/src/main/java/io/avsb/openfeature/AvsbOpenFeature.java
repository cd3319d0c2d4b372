package io.avsb.openfeature;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.avsb.AvsbContext;
import io.avsb.ScopedAvsb;
import io.avsb.openfeature.internal.Contexts;
import io.avsb.openfeature.internal.RequestHelpers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * OpenFeature clients bound to one request's user, so that a route can use the OpenFeature API
 * exactly as it uses the request's {@link ScopedAvsb}:
 *
 * <pre>{@code
 * Client flags = AvsbOpenFeature.client(request);          // in a servlet, after AvsbFilter
 * boolean on = flags.getBooleanValue("checkout-v2", false);
 * flags.track("purchase", new ImmutableTrackingEventDetails(149.99));
 * }</pre>
 *
 * <p>The client is a new OpenFeature client of the given domain (the default provider's without
 * one) whose evaluation context is the request's resolved context, converted as {@link
 * AvsbProvider} reads it back. Nothing is kept in a ThreadLocal: the client is a plain object the
 * route holds, and its context is the request's whatever thread uses it. The provider must have
 * been set for that domain (see the README). Event handlers belong on a long-lived client (or the
 * API), not on these per-request ones: OpenFeature keeps handlers until they are removed.
 * Thread-safe.
 */
public final class AvsbOpenFeature {
  private AvsbOpenFeature() {}

  /**
   * A client of the default provider whose evaluation context is {@code request}'s user, as
   * {@code io.avsb.servlet.Avsb.from(request)} resolved it (needs {@code avsb-servlet}).
   */
  public static Client client(HttpServletRequest request) {
    return client(RequestHelpers.of(request));
  }

  /** As {@link #client(HttpServletRequest)}, for the provider of {@code domain}. */
  public static Client client(HttpServletRequest request, String domain) {
    return client(RequestHelpers.of(request), domain);
  }

  /**
   * A client of the default provider whose evaluation context is {@code avsb}'s: for JAX-RS
   * ({@code @Context ScopedAvsb avsb}) or any other code that holds the request's helper.
   */
  public static Client client(ScopedAvsb avsb) {
    Objects.requireNonNull(avsb, "avsb");
    return OpenFeatureAPI.getInstance().getClient()
        .setEvaluationContext(evaluationContext(avsb.context()));
  }

  /** As {@link #client(ScopedAvsb)}, for the provider of {@code domain}. */
  public static Client client(ScopedAvsb avsb, String domain) {
    Objects.requireNonNull(avsb, "avsb");
    Objects.requireNonNull(domain, "domain");
    return OpenFeatureAPI.getInstance().getClient(domain)
        .setEvaluationContext(evaluationContext(avsb.context()));
  }

  /**
   * {@code context} as an OpenFeature evaluation context: the key as the targeting key, {@code
   * kind}, {@code name}, {@code anonymous}, {@code privateAttributes} and the attributes; a
   * multi-context as {@code kind: "multi"} with one structure per kind. {@link AvsbProvider} turns
   * it back into the same context.
   */
  public static EvaluationContext evaluationContext(AvsbContext context) {
    return Contexts.toOpenFeature(Objects.requireNonNull(context, "context"));
  }
}
