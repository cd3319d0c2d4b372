package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.internal.web.RejectionLog;
import io.avsb.internal.web.UntrustedText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;

/**
 * Identifies a request by its authenticated principal: the principal's name is the key of a
 * {@code user} context. Runs after authentication filters, so the {@link SecurityContext} they set
 * is seen. A name that fails {@link UntrustedText} makes the request anonymous. Thread-safe.
 */
public final class PrincipalContextSource implements ContextSource {
  private final RejectionLog rejections;

  /** A source reporting rejected names to {@code rejections}. */
  public PrincipalContextSource(RejectionLog rejections) {
    this.rejections = Objects.requireNonNull(rejections, "rejections");
  }

  @Override
  public AvsbContext identify(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    Principal principal = security == null ? null : security.getUserPrincipal();
    if (principal == null) {
      return null;
    }
    UntrustedText.Verdict name = UntrustedText.check(principal.getName());
    if (!name.accepted()) {
      rejections.rejected("the principal name", name);
      return null;
    }
    return AvsbContext.of(name.value());
  }
}
