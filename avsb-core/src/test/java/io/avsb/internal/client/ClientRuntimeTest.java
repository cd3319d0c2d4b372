package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.ManualSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ClientRuntimeTest {
  @Test
  void readyRuntimeReportsValidEvenBeforeItsSourceDoes() {
    ManualSource source = new ManualSource();
    try (ClientRuntime runtime = new ClientRuntime(AvsbConfig.builder(null).dataSource(source)
        .startWait(Duration.ZERO).eventsEnabled(false).build())) {
      CompletableFuture<DataSourceStatus.State> seenOnReady = new CompletableFuture<>();
      runtime.readiness().whenReady().thenRun(
          () -> seenOnReady.complete(runtime.dataSourceStatus().state()));
      // data only, no status report from the source
      assertThat(source.updates().init(AvsbValue.parse("{\"flags\":{}}"))).isTrue();
      assertThat(seenOnReady.join()).isEqualTo(DataSourceStatus.State.VALID);
      assertThat(runtime.readiness().isReady()).isTrue();
    }
  }

  @Test
  void startGateAndOnReadyOfAnAlreadyReadyRuntimeAreCompleteAtOnce() {
    ManualSource source = new ManualSource();
    try (ClientRuntime runtime = new ClientRuntime(AvsbConfig.builder(null).dataSource(source)
        .startWait(Duration.ofHours(1)).eventsEnabled(false).build())) {
      source.deliver("{\"flags\":{}}");
      assertThat(runtime.readiness().startGate()).isCompleted();
      assertThat(runtime.readiness().onReady().toCompletableFuture()).isCompleted();
      assertThat(runtime.readiness().startGate()).isSameAs(runtime.readiness().startGate());
    }
  }
}
