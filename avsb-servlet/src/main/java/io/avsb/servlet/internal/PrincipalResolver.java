package io.avsb.servlet.internal;

import io.avsb.AvsbContext;
import io.avsb.internal.web.AnonymousContexts;
import io.avsb.internal.web.RejectionLog;
import io.avsb.internal.web.UntrustedText;
import io.avsb.servlet.spi.ContextResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;

/**
 * A user context keyed by the authenticated principal's name; anonymous when the request is not
 * authenticated or the name fails the {@link UntrustedText} rules. Thread-safe.
 */
public final class PrincipalResolver implements ContextResolver {
  private final RejectionLog rejections = new RejectionLog();

  @Override
  public AvsbContext resolve(HttpServletRequest request, HttpServletResponse response) {
    Principal principal = request.getUserPrincipal();
    if (principal == null) {
      return AnonymousContexts.ANONYMOUS;
    }
    UntrustedText.Verdict name = UntrustedText.check(principal.getName());
    if (!name.accepted()) {
      rejections.rejected("the user principal's name", name);
      return AnonymousContexts.ANONYMOUS;
    }
    return AvsbContext.of(name.value());
  }

  @Override
  public String toString() {
    return "principal";
  }
}
