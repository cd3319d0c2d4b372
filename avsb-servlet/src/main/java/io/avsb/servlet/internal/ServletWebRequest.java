package io.avsb.servlet.internal;

import io.avsb.spi.WebRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.Objects;

/**
 * A servlet request and its response as the kit's {@link WebRequest}. Unwraps to {@link
 * HttpServletRequest} and {@link HttpServletResponse}. Not thread-safe: one per request.
 */
public final class ServletWebRequest implements WebRequest {
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  /**
   * The view of {@code request}, setting cookies on {@code response}; with a null {@code response}
   * (a request resolved outside the filter) cookies are not set.
   */
  public ServletWebRequest(HttpServletRequest request, HttpServletResponse response) {
    this.request = Objects.requireNonNull(request, "request");
    this.response = response;
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public String cookie(String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (name.equals(c.getName())) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  @Override
  public Principal userPrincipal() {
    return request.getUserPrincipal();
  }

  @Override
  public boolean isSecure() {
    return request.isSecure();
  }

  @Override
  public void setCookie(String name, String value, Duration maxAge) {
    // no response (a request resolved outside the filter, e.g. by avsb-cdi): no cookie can be set
    if (response == null || response.isCommitted()) {
      return;
    }
    Cookie cookie = new Cookie(name, value);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setPath("/");
    cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(request)) {
      return type.cast(request);
    }
    return type.isInstance(response) ? type.cast(response) : null;
  }
}
