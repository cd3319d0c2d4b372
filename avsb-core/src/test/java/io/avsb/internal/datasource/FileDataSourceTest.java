package io.avsb.internal.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.avsb.AsyncAvsbServer;
import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbNotReadyException;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.EvaluationReason;
import io.avsb.ScopedAvsb;
import io.avsb.internal.log.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class FileDataSourceTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private static final String FLAG_MODEL = """
      {
        "flags": {
          "checkout-v2": {
            "key": "checkout-v2", "version": 4, "on": true,
            "variations": [false, true],
            "rules": [{"id": "pro", "variation": 1,
                       "clauses": [{"attribute": "plan", "op": "in", "values": ["pro"]}]}],
            "fallthrough": {"variation": 0}, "offVariation": 0
          },
          "beta-users": {
            "key": "beta-users", "version": 1, "on": true,
            "variations": ["off", "on"],
            "rules": [{"id": "seg", "variation": 1, "clauses": [
              {"attribute": "key", "op": "segmentMatch", "values": ["beta"]}]}],
            "fallthrough": {"variation": 0}, "offVariation": 0
          }
        },
        "segments": {
          "beta": {"key": "beta", "version": 2, "included": ["u2"]}
        }
      }
      """;

  @TempDir
  Path dir;

  private AvsbServer server(Path file) {
    return AvsbServer.builder(null).flagsFile(file).flagsFileCheckInterval(Duration.ofMillis(10))
        .startWait(Duration.ofSeconds(10)).buildServer();
  }

  private static void write(Path file, String content) throws IOException {
    // write beside it and move, as editors and deploy tools do, so no check sees half a file
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static ScopedAvsb user(AvsbServer server, String key, String plan) {
    return server.forUser(Map.of("kind", "user", "key", key, "plan", plan));
  }

  @Test
  void jsonFileInTheFlagModelGivesEvaluatedValues() throws IOException {
    Path file = dir.resolve("flags.json");
    write(file, FLAG_MODEL);
    try (AvsbServer server = server(file)) {
      assertThat(server.isReady()).isTrue();
      assertThat(user(server, "u1", "pro").getBoolFlag("checkout-v2", false)).isTrue();
      assertThat(user(server, "u1", "free").getBoolFlag("checkout-v2", true)).isFalse();
      assertThat(user(server, "u1", "pro").getBoolFlagDetail("checkout-v2", false).reason())
          .isEqualTo(EvaluationReason.ruleMatch(0, "pro", false));
      assertThat(user(server, "u2", "free").getStringFlag("beta-users", "x")).isEqualTo("on");
      assertThat(user(server, "u3", "free").getStringFlag("beta-users", "x")).isEqualTo("off");
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
    }
  }

  @Test
  void yamlFileGivesTheSameValues() throws IOException {
    Path file = dir.resolve("flags.yaml");
    write(file, """
        flags:
          checkout-v2:
            key: checkout-v2
            version: 4
            on: true
            variations: [false, true]
            rules:
              - id: pro
                variation: 1
                clauses:
                  - {attribute: plan, op: in, values: [pro]}
            fallthrough: {variation: 0}
            offVariation: 0
        flagValues:
          ui-theme: dark
          max-items: 12.7
        """);
    try (AvsbServer server = server(file)) {
      ScopedAvsb pro = user(server, "u1", "pro");
      assertThat(pro.getBoolFlag("checkout-v2", false)).isTrue();
      assertThat(user(server, "u1", "free").getBoolFlag("checkout-v2", true)).isFalse();
      assertThat(pro.getStringFlag("ui-theme", "light")).isEqualTo("dark");
      assertThat(pro.getIntFlag("max-items", 0)).isEqualTo(12);
      assertThat(pro.getDoubleFlag("max-items", 0)).isEqualTo(12.7);
    }
  }

  @Test
  void flagValuesGiveTheirValueToEveryoneByFallthrough() throws IOException {
    Path file = dir.resolve("simple.json");
    write(file, "{\"flagValues\": {\"ui-theme\": \"dark\", \"limits\": {\"max\": 3}, \"on\": true}}");
    try (AvsbServer server = server(file)) {
      ScopedAvsb avsb = server.forUser(AvsbContext.of("anyone"));
      assertThat(avsb.getStringFlagDetail("ui-theme", "light"))
          .isEqualTo(io.avsb.EvaluationDetail.of("dark", 0, EvaluationReason.fallthrough()));
      assertThat(avsb.getJsonFlag("limits", AvsbValue.NULL))
          .isEqualTo(AvsbValue.parse("{\"max\":3}"));
      assertThat(avsb.getBoolFlag("on", false)).isTrue();
    }
  }

  @Test
  void changedFileIsSeenByALaterEvaluation() throws IOException {
    Path file = dir.resolve("flags.json");
    write(file, "{\"flagValues\": {\"ui-theme\": \"dark\"}}");
    try (AvsbServer server = server(file)) {
      ScopedAvsb avsb = server.forUser(AvsbContext.of("u1"));
      assertThat(avsb.getStringFlag("ui-theme", "x")).isEqualTo("dark");
      write(file, "{\"flagValues\": {\"ui-theme\": \"light\", \"new-flag\": 1}}");
      await().atMost(Duration.ofSeconds(10))
          .until(() -> avsb.getStringFlag("ui-theme", "x").equals("light"));
      assertThat(avsb.getIntFlag("new-flag", 0)).isEqualTo(1);
    }
  }

  @Test
  void changeOfSameSizeRightAfterTheLastIsStillSeen() throws IOException {
    Path file = dir.resolve("flags.json");
    Files.writeString(file, "{\"flagValues\": {\"a\": \"one\"}}");
    try (AvsbServer server = server(file)) {
      ScopedAvsb avsb = server.forUser(AvsbContext.of("u1"));
      assertThat(avsb.getStringFlag("a", "x")).isEqualTo("one");
      Files.writeString(file, "{\"flagValues\": {\"a\": \"two\"}}");
      await().atMost(Duration.ofSeconds(10)).until(() -> avsb.getStringFlag("a", "x").equals("two"));
    }
  }

  @Test
  void malformedFileKeepsTheLastGoodDataUntilFixed() throws IOException {
    Path file = dir.resolve("flags.json");
    write(file, "{\"flagValues\": {\"ui-theme\": \"dark\"}}");
    try (AvsbServer server = server(file)) {
      ScopedAvsb avsb = server.forUser(AvsbContext.of("u1"));
      write(file, "{\"flagValues\": {\"ui-theme\": ");
      await().atMost(Duration.ofSeconds(10))
          .until(() -> server.dataSourceStatus().state() == DataSourceStatus.State.INTERRUPTED);
      DataSourceStatus.ErrorInfo error = server.dataSourceStatus().lastError();
      assertThat(error.kind()).isEqualTo(DataSourceStatus.ErrorKind.INVALID_DATA);
      assertThat(error.message()).contains(file.toString()).contains("invalid JSON");
      assertThat(avsb.getStringFlag("ui-theme", "x")).isEqualTo("dark");
      assertThat(server.isReady()).isTrue();
      write(file, "{\"flagValues\": {\"ui-theme\": \"blue\"}}");
      await().atMost(Duration.ofSeconds(10))
          .until(() -> avsb.getStringFlag("ui-theme", "x").equals("blue"));
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
    }
  }

  @Test
  @Timeout(60) // a start that waited out its hour would fail here instead of hanging the build
  void malformedFileAtStartEndsTheStartWaitAtOnceAndALaterGoodVersionIsPickedUp()
      throws IOException {
    Path file = dir.resolve("flags.json");
    write(file, "{\"flagValues\": {\"ui-theme\": ");
    try (AvsbServer server = AvsbServer.builder(null).flagsFile(file)
        .flagsFileCheckInterval(Duration.ofMillis(10)).startWait(Duration.ofHours(1))
        .buildServer()) {
      assertThat(server.isReady()).isFalse();
      DataSourceStatus.ErrorInfo error = server.dataSourceStatus().lastError();
      assertThat(error.kind()).isEqualTo(DataSourceStatus.ErrorKind.INVALID_DATA);
      assertThat(error.message()).startsWith("flags file " + file + " is malformed: ")
          .endsWith("; not ready until a good version is read");
      assertThat(logs.messages(Level.ERROR, "io.avsb.datasource"))
          .containsExactly(error.message());
      assertThat(logs.messages(Level.WARN, "io.avsb.client")).singleElement().asString()
          .startsWith("A vs B is not ready: the data source could not deliver the first data")
          .contains(file + " is malformed");
      ScopedAvsb avsb = server.forUser(AvsbContext.of("u1"));
      assertThat(avsb.getStringFlagDetail("ui-theme", "x").reason())
          .isEqualTo(EvaluationReason.error(EvaluationReason.ErrorKind.CLIENT_NOT_READY));

      write(file, "{\"flagValues\": {\"ui-theme\": \"dark\"}}");
      await().atMost(Duration.ofSeconds(10)).until(server::isReady);
      assertThat(avsb.getStringFlag("ui-theme", "x")).isEqualTo("dark");
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
    }
  }

  @Test
  void malformedFileAtStartFailsOnReadyWithTheParseError() throws Exception {
    Path file = dir.resolve("flags.yml");
    write(file, "flagValues: [unclosed\n");
    try (AsyncAvsbServer server = new AsyncAvsbServer(AvsbConfig.builder(null).flagsFile(file)
        .flagsFileCheckInterval(Duration.ofMillis(10)).startWait(Duration.ofHours(1)).build())) {
      CompletableFuture<Void> ready = server.onReady().toCompletableFuture();
      assertThatThrownBy(ready::join).cause().isInstanceOf(AvsbNotReadyException.class)
          .hasMessageContaining("could not deliver the first data")
          .hasMessageContaining("flags file " + file + " is malformed");
      assertThat(server.forUser(AvsbContext.of("u1")).getStringFlag("ui-theme", "x")
          .toCompletableFuture().join()).isEqualTo("x");
    }
  }

  @Test
  void deletedFileKeepsTheLastGoodData() throws IOException {
    Path file = dir.resolve("flags.json");
    write(file, "{\"flagValues\": {\"ui-theme\": \"dark\"}}");
    try (AvsbServer server = server(file)) {
      Files.delete(file);
      await().atMost(Duration.ofSeconds(10))
          .until(() -> server.dataSourceStatus().state() == DataSourceStatus.State.INTERRUPTED);
      assertThat(server.dataSourceStatus().lastError().message()).contains("does not exist");
      assertThat(server.forUser(AvsbContext.of("u")).getStringFlag("ui-theme", "x"))
          .isEqualTo("dark");
    }
  }

  @Test
  void fileMissingAtStartLeavesTheServerNotReadyUntilItAppears() throws IOException {
    Path file = dir.resolve("later.yml");
    try (AvsbServer server = AvsbServer.builder(null).flagsFile(file)
        .flagsFileCheckInterval(Duration.ofMillis(10)).startWait(Duration.ofMillis(100))
        .buildServer()) {
      assertThat(server.isReady()).isFalse();
      await().atMost(Duration.ofSeconds(10))
          .until(() -> server.dataSourceStatus().state() == DataSourceStatus.State.INTERRUPTED);
      assertThat(server.dataSourceStatus().lastError().kind())
          .isEqualTo(DataSourceStatus.ErrorKind.STORE_ERROR);
      assertThat(server.dataSourceStatus().lastError().message())
          .contains(file.toString()).contains("does not exist");
      ScopedAvsb avsb = server.forUser(AvsbContext.of("u1"));
      assertThat(avsb.getStringFlagDetail("ui-theme", "x").reason())
          .isEqualTo(EvaluationReason.error(EvaluationReason.ErrorKind.CLIENT_NOT_READY));
      write(file, "flagValues:\n  ui-theme: dark\n");
      assertThat(server.waitForReady(Duration.ofSeconds(10))).isTrue();
      assertThat(avsb.getStringFlag("ui-theme", "x")).isEqualTo("dark");
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
    }
  }

  @Test
  void closedServerReportsOffAndLeavesNoThread() throws IOException {
    Path file = dir.resolve("flags.json");
    write(file, "{}");
    AvsbServer server = server(file);
    assertThat(server.isReady()).isTrue();
    server.close();
    assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.OFF);
    assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
        .extracting(Thread::getName).noneMatch(name -> name.startsWith("avsb-"));
  }
}
