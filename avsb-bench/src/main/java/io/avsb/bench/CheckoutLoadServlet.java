package io.avsb.bench;

import io.avsb.ScopedAvsb;
import io.avsb.servlet.Avsb;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The servlet of the load run: the seed's {@code /checkout} answer, {@code {"showNewCheckout":
 * ..., "theme": ...}} with an explicit {@code Content-Length}. Bare, it answers constants; with
 * flags, it reads {@code checkout-v2} and {@code ui-theme} from the helper {@code AvsbFilter} put
 * in the request and tracks the seed's purchase. Thread-safe.
 */
public final class CheckoutLoadServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Object> PURCHASE = Map.of("currency", "usd");

  private final boolean useFlags;

  /** A servlet that reads flags and tracks when {@code useFlags}, else answers constants. */
  public CheckoutLoadServlet(boolean useFlags) {
    this.useFlags = useFlags;
  }

  /** Answers the checkout JSON, reading flags and tracking when built to. */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean showNew = false;
    String theme = "default";
    if (useFlags) {
      ScopedAvsb avsb = Avsb.from(request);
      showNew = avsb.getBoolFlag("checkout-v2", false);
      theme = avsb.getStringFlag("ui-theme", "default");
      avsb.track("purchase", 149.99, PURCHASE);
    }
    byte[] body = ("{\"showNewCheckout\":" + showNew + ",\"theme\":\"" + theme + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
