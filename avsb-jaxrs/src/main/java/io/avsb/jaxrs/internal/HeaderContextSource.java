package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.internal.web.HeaderContextResolver;
import io.avsb.internal.web.HeaderMapping;
import io.avsb.internal.web.RejectionLog;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;

/**
 * The seed's resolver over JAX-RS headers: a {@link HeaderMapping} applied by the shared {@link
 * HeaderContextResolver}, so a hostile value is rejected exactly as in the servlet filter.
 * Immutable and thread-safe.
 */
public final class HeaderContextSource implements ContextSource {
  private final HeaderContextResolver resolver;

  /** Reads the headers of {@code mapping}, reporting rejected values to {@code rejections}. */
  public HeaderContextSource(HeaderMapping mapping, RejectionLog rejections) {
    this.resolver = new HeaderContextResolver(mapping, rejections);
  }

  @Override
  public AvsbContext identify(ContainerRequestContext request) {
    // getHeaderString joins repeated headers with commas; the first value is what the servlet
    // side reads, so a repeated header cannot smuggle a second key past the checks.
    return resolver.identify(name -> first(request.getHeaders().get(name)));
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
