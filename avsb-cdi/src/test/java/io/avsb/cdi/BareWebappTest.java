package io.avsb.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AvsbServer;
import io.avsb.DataSourceStatus;
import io.avsb.cdi.probe.AppProbe;
import jakarta.enterprise.context.ContextNotActiveException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webapp with CDI but neither the kit's listener nor its filter: avsb-cdi starts the server from
 * the webapp's settings ({@code avsb.flagsFile}), publishes it, resolves requests with the
 * resolver its settings name ({@code avsb.keyHeader=x-account}) and closes the server with the
 * webapp.
 */
class BareWebappTest {
  @Test
  void cdiStartsServesAndClosesTheServerAndResolvesWithTheConfiguredResolver(@TempDir Path dir)
      throws Exception {
    Path flags = Files.writeString(dir.resolve("flags.json"), "{\"flagValues\": {\"checkout-v2\": true}}");
    AvsbServer server;
    try (WeldWebapp app = new WeldWebapp(context -> {
      context.setInitParameter("avsb.flagsFile", flags.toString());
      context.setInitParameter("avsb.keyHeader", "x-account");
    })) {
      Map<String, String> who = app.get("who", "x-account", "u7", "x-user-id", "u1");
      assertThat(who).containsEntry("app", "u7").containsEntry("request", "u7")
          .containsEntry("stored", "u7").containsEntry("sameHelper", "true")
          .containsEntry("resolvedBy", "avsb-cdi").containsEntry("listenerServer", "true")
          .doesNotContainKey("set-cookie");
      assertThat(app.get("who")).containsEntry("app", "anon");
      server = app.bean(AppProbe.class).server();
      assertThat(server.forUser(Map.of("key", "u1")).getBoolFlag("checkout-v2", false)).isTrue();
      assertThat(server.dataSourceStatus().state()).isNotEqualTo(DataSourceStatus.State.OFF);
      AppProbe probe = app.bean(AppProbe.class);
      assertThatThrownBy(() -> probe.avsb().getBoolFlag("checkout-v2", false))
          .isInstanceOf(ContextNotActiveException.class)
          .hasMessageContaining("ScopedAvsb is the current HTTP request's helper")
          .hasMessageContaining(Thread.currentThread().getName());
    }
    assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.OFF);
  }
}
