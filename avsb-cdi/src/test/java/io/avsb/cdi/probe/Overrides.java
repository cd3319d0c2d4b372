package io.avsb.cdi.probe;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.TestData;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * An application's own producers, as the avsb-cdi documentation shows them. No bean-defining
 * annotation on the classes: the annotated-mode archive of the web tests never sees them; the
 * Weld SE tests add them by name.
 */
public final class Overrides {
  private Overrides() {}

  /** The server every override below uses; closed by the test. */
  public static final AvsbServer SERVER = AvsbServer.builder(null)
      .dataSource(TestData.create()).eventsEnabled(false).buildServer();

  /** Replaces the request's helper with one for a fixed user. */
  public static class FixedUserHelper {
    @Produces
    @Alternative
    @Priority(1)
    @Dependent
    ScopedAvsb helper() {
      return SERVER.forUser(AvsbContext.of("fixed-user"));
    }
  }

  /** Replaces the server. */
  public static class OwnServer {
    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    AvsbServer server() {
      return SERVER;
    }
  }
}
