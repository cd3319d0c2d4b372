package io.avsb.servlet.internal.endpoints;

import io.avsb.AvsbValue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Writes the endpoints' JSON answers, never cached. Stateless and thread-safe. */
public final class JsonResponses {
  private JsonResponses() {}

  /** Answers {@code status} with {@code body} as JSON. */
  public static void write(HttpServletResponse response, int status, AvsbValue body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getWriter().write(body.toJson());
  }

  /** Answers {@code status} with {@code {"error": message}}. */
  public static void error(HttpServletResponse response, int status, String message)
      throws IOException {
    write(response, status, new AvsbValue.Obj(Map.of("error", AvsbValue.of(message))));
  }
}
