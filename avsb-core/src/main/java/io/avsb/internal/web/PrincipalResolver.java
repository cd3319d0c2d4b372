package io.avsb.internal.web;

import io.avsb.AvsbContext;
import io.avsb.spi.ContextResolver;
import io.avsb.spi.WebRequest;
import java.security.Principal;
import java.util.Objects;

/**
 * The principal resolver of every adapter: a {@code user} context keyed by the authenticated
 * principal's name. An unauthenticated request, or a name that fails the {@link UntrustedText}
 * rules (reported to the {@link RejectionLog}), names nobody. Thread-safe.
 */
public final class PrincipalResolver implements ContextResolver {
  private final RejectionLog rejections;

  /** A resolver reporting rejected names to {@code rejections}. */
  public PrincipalResolver(RejectionLog rejections) {
    this.rejections = Objects.requireNonNull(rejections, "rejections");
  }

  @Override
  public AvsbContext resolve(WebRequest request) {
    Principal principal = request.userPrincipal();
    if (principal == null) {
      return null;
    }
    UntrustedText.Verdict name = UntrustedText.check(principal.getName());
    if (!name.accepted()) {
      rejections.rejected("the user principal's name", name);
      return null;
    }
    return AvsbContext.of(name.value());
  }

  @Override
  public String toString() {
    return "principal";
  }
}
