package io.avsb.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AvsbServer;
import io.avsb.DataSourceStatus;
import io.avsb.ScopedAvsb;
import io.avsb.cdi.internal.HelperResolution;
import io.avsb.cdi.internal.RequestCell;
import io.avsb.cdi.probe.AppProbe;
import io.avsb.cdi.probe.Overrides;
import io.avsb.cdi.probe.RequestProbe;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The producers in a plain CDI container (Weld SE, no servlet): overriding them with the
 * application's own alternatives, the error outside an HTTP request, and the server started from
 * system properties and environment and closed with the container.
 */
class AvsbProducersSeTest {
  private static Weld weld(Class<?>... more) {
    Weld weld = new Weld().disableDiscovery()
        .addBeanClasses(AvsbProducers.class, RequestCell.class, HelperResolution.class,
            AppProbe.class, RequestProbe.class);
    return weld.addBeanClasses(more);
  }

  @AfterAll
  static void closeOverrideServer() {
    Overrides.SERVER.close();
  }

  @Test
  void applicationAlternativeForTheHelperWinsWithoutAmbiguity() {
    try (WeldContainer cdi = weld(Overrides.FixedUserHelper.class).initialize()) {
      ScopedAvsb helper = cdi.select(ScopedAvsb.class).get();
      assertThat(helper.context().key()).isEqualTo("fixed-user");
      assertThat(cdi.select(AppProbe.class).get().avsb().context().key()).isEqualTo("fixed-user");
    }
  }

  @Test
  void applicationAlternativeForTheServerWinsWithoutAmbiguity() {
    try (WeldContainer cdi = weld(Overrides.OwnServer.class).initialize()) {
      assertThat(cdi.select(AvsbServer.class).get()).isSameAs(Overrides.SERVER);
      assertThat(cdi.select(AppProbe.class).get().server()).isSameAs(Overrides.SERVER);
    }
    assertThat(Overrides.SERVER.dataSourceStatus().state())
        .isNotEqualTo(DataSourceStatus.State.OFF);
  }

  @Test
  void helperOutsideAnyRequestThrowsContextNotActive() {
    try (WeldContainer cdi = weld().initialize()) {
      ScopedAvsb helper = cdi.select(AppProbe.class).get().avsb();
      assertThatThrownBy(() -> helper.getBoolFlag("checkout-v2", false))
          .isInstanceOf(ContextNotActiveException.class)
          .hasMessageContaining("thread '" + Thread.currentThread().getName() + "' has no request");
    }
  }

  @Test
  void helperInARequestContextWithoutAnHttpRequestThrowsContextNotActive() {
    try (WeldContainer cdi = weld().initialize()) {
      RequestContextController requests = cdi.select(RequestContextController.class).get();
      requests.activate();
      try {
        ScopedAvsb fromApp = cdi.select(AppProbe.class).get().avsb();
        assertThatThrownBy(() -> fromApp.context())
            .isInstanceOf(ContextNotActiveException.class)
            .hasMessageContaining("needs an HTTP request");
        ScopedAvsb fromRequest = cdi.select(RequestProbe.class).get().avsb();
        assertThatThrownBy(() -> fromRequest.context())
            .isInstanceOf(ContextNotActiveException.class)
            .hasMessageContaining("needs an HTTP request");
      } finally {
        requests.deactivate();
      }
    }
  }

  @Test
  void withoutServletContextTheServerComesFromTheJvmSettingsAndClosesWithTheContainer() {
    AvsbServer server;
    try (WeldContainer cdi = weld().initialize()) {
      server = cdi.select(AvsbServer.class).get();
      assertThat(cdi.select(AppProbe.class).get().server()).isSameAs(server);
      assertThat(server.dataSourceStatus().state()).isNotEqualTo(DataSourceStatus.State.OFF);
    }
    assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.OFF);
  }
}
