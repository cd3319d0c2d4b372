package io.avsb.examples.checkout;

import io.avsb.AvsbValue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Writes a small JSON answer. Stateless and thread-safe. */
final class Json {
  private Json() {}

  /** Writes {@code body} as JSON with {@code status}. */
  static void write(HttpServletResponse response, int status, Map<String, ?> body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(AvsbValue.fromJava(body).toJson());
  }
}
