package io.avsb.servlet.internal;

import io.avsb.AvsbContext;
import io.avsb.internal.web.HeaderContextResolver;
import io.avsb.internal.web.HeaderMapping;
import io.avsb.internal.web.RejectionLog;
import io.avsb.servlet.spi.ContextResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The seed's resolver: a user context from request headers (see {@link HeaderContextResolver}),
 * anonymous when the id is missing or a value is rejected. Thread-safe.
 */
public final class HeaderResolver implements ContextResolver {
  private final HeaderContextResolver headers;

  /** A resolver reading the headers of {@code mapping}. */
  public HeaderResolver(HeaderMapping mapping) {
    this.headers = new HeaderContextResolver(mapping, new RejectionLog());
  }

  /** The identified context, or null when the headers name nobody. */
  public AvsbContext identify(HttpServletRequest request) {
    return headers.identify(request::getHeader);
  }

  @Override
  public AvsbContext resolve(HttpServletRequest request, HttpServletResponse response) {
    return headers.resolve(request::getHeader);
  }

  @Override
  public String toString() {
    return "headers(" + headers.mapping().keyHeader() + ")";
  }
}
