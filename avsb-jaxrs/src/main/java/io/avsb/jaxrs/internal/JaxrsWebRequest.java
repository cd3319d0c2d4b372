package io.avsb.jaxrs.internal;

import io.avsb.spi.WebRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JAX-RS request as the kit's {@link WebRequest}. Unwraps to {@link ContainerRequestContext}.
 * The request filter runs before the response exists, so a cookie set while resolving waits in a
 * request property until {@link #setPendingCookies} adds it to the response. Not thread-safe: one
 * per request.
 */
public final class JaxrsWebRequest implements WebRequest {
  private static final String PENDING = JaxrsWebRequest.class.getName() + ".pendingCookies";

  private final ContainerRequestContext request;

  /** The view of {@code request}. */
  public JaxrsWebRequest(ContainerRequestContext request) {
    this.request = Objects.requireNonNull(request, "request");
  }

  @Override
  public String header(String name) {
    // getHeaderString joins repeated headers with commas; the first value is what the servlet
    // side reads, so a repeated header cannot smuggle a second key past the checks.
    List<String> values = request.getHeaders().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public String cookie(String name) {
    Cookie cookie = request.getCookies().get(name);
    return cookie == null ? null : cookie.getValue();
  }

  @Override
  public Principal userPrincipal() {
    SecurityContext security = request.getSecurityContext();
    return security == null ? null : security.getUserPrincipal();
  }

  @Override
  public boolean isSecure() {
    SecurityContext security = request.getSecurityContext();
    return security != null && security.isSecure();
  }

  @Override
  public void setCookie(String name, String value, Duration maxAge) {
    NewCookie cookie = new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()))
        .httpOnly(true)
        .secure(isSecure())
        .sameSite(NewCookie.SameSite.LAX)
        .build();
    List<NewCookie> pending = pending(request);
    if (pending == null) {
      pending = new ArrayList<>(1);
      request.setProperty(PENDING, pending);
    }
    pending.add(cookie);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type.isInstance(request) ? type.cast(request) : null;
  }

  /** Adds the cookies set while {@code request} was resolved, if any, to {@code response}. */
  public static void setPendingCookies(
      ContainerRequestContext request, ContainerResponseContext response) {
    List<NewCookie> pending = pending(request);
    if (pending != null) {
      request.removeProperty(PENDING);
      pending.forEach(c -> response.getHeaders().add(HttpHeaders.SET_COOKIE, c));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<NewCookie> pending(ContainerRequestContext request) {
    return request.getProperty(PENDING) instanceof List<?> l ? (List<NewCookie>) l : null;
  }
}
