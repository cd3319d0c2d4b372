package io.avsb.examples.checkout;

import io.avsb.AvsbContext;
import io.avsb.servlet.Avsb;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows whom the request was resolved to ({@code key}, {@code anonymous}) and by which filter
 * ({@code resolvedBy}): handy when wiring headers, cookies or a custom resolver. Thread-safe.
 */
public class WhoAmIServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Answers the request's context. */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AvsbContext context = Avsb.from(request).context();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", context.key());
    body.put("anonymous", context.isAnonymous());
    body.put("resolvedBy", request.getAttribute(Avsb.RESOLVED_BY_ATTRIBUTE));
    Json.write(response, 200, body);
  }
}
