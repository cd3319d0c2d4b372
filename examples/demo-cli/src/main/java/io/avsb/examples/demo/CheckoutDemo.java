package io.avsb.examples.demo;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.EvaluationDetail;
import io.avsb.ScopedAvsb;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the seed's checkout flags for a few users from a local flags file: the SDK running with
 * no service at all. Usage: {@code CheckoutDemo [flags.json]}.
 */
public final class CheckoutDemo {
  /** The users the demo evaluates for, shaped like the seed's request headers. */
  static final List<Map<String, Object>> USERS =
      List.of(
          user("anon", null, true),
          user("u1", "free", false),
          user("u2", "pro", false),
          user("u_power", "free", false));

  private CheckoutDemo() {}

  /** Runs the demo against the flags file named by the first argument. */
  public static void main(String[] args) {
    Path flags = Path.of(args.length > 0 ? args[0] : "examples/flags.json");
    run(flags, System.out);
  }

  /** Evaluates the checkout flags for {@link #USERS} and prints one line per user. */
  static void run(Path flagsFile, PrintStream out) {
    AvsbConfig config =
        AvsbConfig.builder(null).flagsFile(flagsFile).startWait(Duration.ofSeconds(5)).build();
    try (AvsbServer server = new AvsbServer(config)) {
      out.printf("A vs B demo: flags from %s (ready: %s)%n", flagsFile, server.isReady());
      for (Map<String, Object> user : USERS) {
        ScopedAvsb avsb = server.forUser(user);
        EvaluationDetail<Boolean> checkout = avsb.getBoolFlagDetail("checkout-v2", false);
        String theme = avsb.getStringFlag("ui-theme", "default");
        out.printf(
            "%-8s plan=%-5s showNewCheckout=%-5s theme=%-13s (%s)%n",
            user.get("key"),
            user.getOrDefault("plan", "-"),
            checkout.value(),
            theme,
            checkout.reason());
      }
    }
  }

  private static Map<String, Object> user(String key, String plan, boolean anonymous) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("kind", "user");
    user.put("key", key);
    if (plan != null) {
      user.put("plan", plan);
    }
    if (anonymous) {
      user.put("anonymous", true);
    }
    return user;
  }
}
