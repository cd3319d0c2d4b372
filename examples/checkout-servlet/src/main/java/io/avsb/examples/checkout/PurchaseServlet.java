package io.avsb.examples.checkout;

import io.avsb.servlet.Avsb;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The seed's purchase route: records a {@code purchase} event of 149.99 USD. Thread-safe. */
public class PurchaseServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Tracks the purchase for the request's user and answers 202 Accepted. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Avsb.from(request).track("purchase", 149.99, Map.of("currency", "usd"));
    Json.write(response, 202, Map.of("tracked", "purchase"));
  }
}
