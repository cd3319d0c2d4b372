package io.avsb.examples.checkout;

import io.avsb.ScopedAvsb;
import io.avsb.servlet.Avsb;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's {@code /checkout} route: {@code {"showNewCheckout": <checkout-v2>, "theme":
 * <ui-theme>}} for the request's user. Thread-safe.
 */
public class CheckoutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Answers the two flags for the request's user. */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ScopedAvsb avsb = Avsb.from(request);
    boolean showNew = avsb.getBoolFlag("checkout-v2", false);
    String theme = avsb.getStringFlag("ui-theme", "default");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("showNewCheckout", showNew);
    body.put("theme", theme);
    Json.write(response, 200, body);
  }
}
