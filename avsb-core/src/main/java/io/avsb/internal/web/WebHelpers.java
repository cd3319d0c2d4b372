package io.avsb.internal.web;

import io.avsb.AvsbContext;
import io.avsb.ScopedAvsb;
import io.avsb.spi.ContextResolver;
import io.avsb.spi.WebRequest;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one path from a request to its helper that every web adapter takes, falling back instead of
 * failing: a resolver that throws or gives an invalid context makes the request anonymous; a
 * missing or failing server gives a helper that answers every default. Each fallback is reported
 * to the adapter's {@link WebLog}. Never throws. Stateless and thread-safe.
 */
public final class WebHelpers {
  private WebHelpers() {}

  /**
   * The context {@code resolver} gives {@code request}; the anonymous context when it names
   * nobody (null), gives an invalid context or throws.
   */
  public static AvsbContext context(ContextResolver resolver, WebRequest request, WebLog log) {
    AvsbContext context;
    try {
      context = resolver.resolve(request);
    } catch (RuntimeException e) {
      log.resolverThrew(resolver, e);
      return AnonymousContexts.ANONYMOUS;
    }
    if (context == null) {
      return AnonymousContexts.ANONYMOUS;
    }
    if (!context.isValid()) {
      log.invalidContext(resolver);
      return AnonymousContexts.ANONYMOUS;
    }
    return context;
  }

  /**
   * A helper for {@code context} that evaluates each flag once per request, made by the helper
   * maker {@code server} finds (such as {@code AvsbServer::forUser}; null when there is no server);
   * without one, or when finding or using it throws, a helper that gives every default.
   */
  public static ScopedAvsb helper(
      Supplier<Function<AvsbContext, ScopedAvsb>> server, AvsbContext context, WebLog log) {
    try {
      Function<AvsbContext, ScopedAvsb> forUser = server.get();
      if (forUser == null) {
        log.noServer();
        return new UnavailableScopedAvsb(context);
      }
      ScopedAvsb helper = forUser.apply(context);
      return helper == null
          ? new UnavailableScopedAvsb(context)
          : MemoizingScopedAvsb.wrap(helper, log);
    } catch (RuntimeException e) {
      log.serverFailed(e);
      return new UnavailableScopedAvsb(context);
    }
  }
}
