package io.avsb.servlet.internal.endpoints;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may use the explain endpoint: requests from this machine (when {@code loopback}), and
 * requests whose user is in {@code role} (when one is set). A request is from this machine when
 * its remote address is a loopback address ({@code 127.0.0.0/8}, {@code ::1}) and it carries no
 * {@code Forwarded}, {@code X-Forwarded-For} or {@code X-Real-IP} header: a reverse proxy on the
 * same host forwards outside requests from loopback, and those headers give it away. The remote
 * address is read as a literal, never looked up. Immutable and thread-safe.
 *
 * @param loopback whether requests from this machine are allowed
 * @param role the role allowed from anywhere, or null
 */
public record ExplainAccess(boolean loopback, String role) {
  private static final String[] PROXY_HEADERS = {"Forwarded", "X-Forwarded-For", "X-Real-IP"};

  /** Normalises a blank role to none. */
  public ExplainAccess {
    role = role == null || role.isBlank() ? null : role.trim();
  }

  /** Whether {@code request} may see the explanation. */
  public boolean allows(HttpServletRequest request) {
    if (role != null && request.isUserInRole(role)) {
      return true;
    }
    return loopback && isLoopback(request.getRemoteAddr()) && !proxied(request);
  }

  /** A description for the log, such as {@code loopback or role flag-admin}. */
  public String describe() {
    if (role == null) {
      return loopback ? "loopback only" : "nobody (no role and loopback off)";
    }
    return loopback ? "loopback or role " + role : "role " + role;
  }

  private static boolean proxied(HttpServletRequest request) {
    for (String h : PROXY_HEADERS) {
      if (request.getHeader(h) != null) {
        return true;
      }
    }
    return false;
  }

  static boolean isLoopback(String address) {
    if (address == null) {
      return false;
    }
    String a = address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1)
        : address;
    if (a.startsWith("::ffff:")) {
      a = a.substring("::ffff:".length());
    }
    if (a.equals("::1") || a.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = a.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
