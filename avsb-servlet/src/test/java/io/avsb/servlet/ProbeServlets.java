package io.avsb.servlet;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.TestData;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Servlets that report what the filter left in the request, for {@link AvsbFilterTest}. */
final class ProbeServlets {
  private ProbeServlets() {}

  /** Writes the request's context, resolution and flag values as {@code name=value} lines. */
  static final class Probe extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      ScopedAvsb avsb = Avsb.from(req);
      AvsbContext c = avsb.context();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("key", c.key());
      out.put("anonymous", c.isAnonymous());
      AvsbValue plan = c.getValue("plan");
      out.put("plan", plan == null ? "" : plan.stringValue());
      out.put("resolvedBy", req.getAttribute(Avsb.RESOLVED_BY_ATTRIBUTE));
      out.put("attribute", req.getAttribute("avsb") == avsb);
      out.put("dispatch", req.getDispatcherType());
      Object before = req.getAttribute("before");
      out.put("same", before == null ? "none" : before == avsb);
      Object worker = req.getAttribute("workerSame");
      out.put("workerSame", worker == null ? "none" : worker);
      EvaluationDetail<Boolean> checkout = avsb.getBoolFlagDetail("checkout-v2", false);
      out.put("checkout", checkout.value());
      out.put("reason", checkout.reason().kind());
      out.put("theme", avsb.getStringFlag("ui-theme", "default"));
      StringBuilder sb = new StringBuilder();
      out.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
      resp.setContentType("text/plain;charset=utf-8");
      resp.getWriter().write(sb.toString());
    }
  }

  /** Reads a flag, remembers the helper, then forwards or includes {@code /probe}. */
  static final class Dispatching extends HttpServlet {
    private final boolean include;

    Dispatching(boolean include) {
      this.include = include;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException {
      ScopedAvsb avsb = Avsb.from(req);
      avsb.getBoolFlag("checkout-v2", false);
      req.setAttribute("before", avsb);
      if (include) {
        req.getRequestDispatcher("/probe").include(req, resp);
      } else {
        req.getRequestDispatcher("/probe").forward(req, resp);
      }
    }
  }

  /** Answers an error, so the container's ERROR dispatch reaches the {@code /probe} error page. */
  static final class Failing extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      req.setAttribute("before", Avsb.from(req));
      resp.sendError(500);
    }
  }

  /**
   * Starts async, reads the helper on a thread of its own, then dispatches to {@code /probe} (an
   * ASYNC dispatch through the filter).
   */
  static final class Async extends HttpServlet {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "probe-async-worker");
      t.setDaemon(true);
      return t;
    });

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) {
      ScopedAvsb onRequestThread = Avsb.from(req);
      req.setAttribute("before", onRequestThread);
      AsyncContext async = req.startAsync();
      worker.execute(() -> {
        ScopedAvsb onWorker = Avsb.from(async.getRequest());
        async.getRequest().setAttribute("workerSame", onWorker == onRequestThread
            && onWorker.getBoolFlag("checkout-v2", false)
                == onRequestThread.getBoolFlag("checkout-v2", false));
        async.dispatch("/probe");
      });
    }

    @Override
    public void destroy() {
      worker.shutdownNow();
    }
  }

  /**
   * Reads {@code flip-me}, flips it for everyone in {@link TestData} mid-request, and reports the
   * value read again through the request's helper and through a fresh one.
   */
  static final class Flip extends HttpServlet {
    private final TestData data;

    Flip(TestData data) {
      this.data = data;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      ScopedAvsb avsb = Avsb.from(req);
      boolean before = avsb.getBoolFlag("flip-me", false);
      data.update(data.flag("flip-me").booleanFlag().variationForAll(!before));
      boolean after = Avsb.from(req).getBoolFlag("flip-me", false);
      boolean fresh = Avsb.server(req.getServletContext())
          .forUser(avsb.context()).getBoolFlag("flip-me", false);
      resp.setContentType("text/plain");
      resp.getWriter().write("before=" + before + "\nafter=" + after + "\nfresh=" + fresh + "\n");
    }
  }
}
