package io.avsb.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.internal.log.LogCapture;
import io.avsb.servlet.AvsbConfigurer;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class ConfigAssemblerTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  /** Named by class in avsb.configurer. */
  public static final class SlowFlush implements AvsbConfigurer {
    @Override
    public void configure(AvsbConfig.Builder builder) {
      builder.flushInterval(Duration.ofSeconds(42)).eventCapacity(7);
    }
  }

  /** Named by class in avsb.configurer; fails half-way. */
  public static final class Failing implements AvsbConfigurer {
    @Override
    public void configure(AvsbConfig.Builder builder) {
      builder.flushInterval(Duration.ofSeconds(42));
      throw new IllegalStateException("configurer bug");
    }
  }

  @TempDir Path dir;
  private final Map<String, String> params = new HashMap<>();

  private ConfigAssembler.Result assemble(AvsbConfigurer programmatic) {
    Settings settings = new Settings(params::get, name -> null, name -> null);
    FlagsFileLocator files = new FlagsFileLocator(name -> null, name -> null, dir);
    return ConfigAssembler.assemble(settings, files, getClass().getClassLoader(), programmatic);
  }

  @Test
  void noKeyAndNoFlagsFileRunsOfflineAndSaysWhyAndWhatChangesThat() {
    AvsbConfig config = assemble(null).config();
    assertThat(config.sdkKey()).isNull();
    assertThat(config.flagsFile()).isNull();
    try (AvsbServer server = new AvsbServer(config)) {
      assertThat(server.isReady()).isTrue();
      assertThat(server.forUser(AvsbContext.of("u1")).getStringFlag("ui-theme", "x"))
          .isEqualTo("x");
    }
    assertThat(logs.events(e -> e.level() != Level.INFO || !e.logger().equals("io.avsb.eval")))
        .extracting(e -> e.level() + " " + e.message())
        .containsExactly(
            "INFO A vs B: to get flags, set avsb.sdkKey (or AVSB_SDK_KEY) or avsb.flagsFile (or"
                + " AVSB_FLAGS_FILE)",
            "INFO A vs B runs offline because it has neither an SDK key nor a flags file: no"
                + " network connection, every flag gives the caller's default",
            "WARN Flag \"ui-theme\" does not exist; the caller's default is used (FLAG_NOT_FOUND)");
  }

  @Test
  void offlineSetByTheUserIsTheReasonGiven() {
    params.put("avsb.sdkKey", "sdk-abc");
    params.put("avsb.offline", "true");
    try (AvsbServer server = new AvsbServer(assemble(null).config())) {
      assertThat(server.isReady()).isTrue();
    }
    assertThat(logs.messages(Level.INFO, "io.avsb.datasource")).containsExactly(
        "A vs B runs offline because offline mode is set (offline(true)): no network"
            + " connection, every flag gives the caller's default");
  }

  @Test
  void aMistypedFlagsFileNamesThePathAndWhereItWasLookedFor() {
    params.put("avsb.flagsFile", "/WEB-INF/flag.json");
    AvsbConfig config = assemble(null).config();
    assertThat(config.flagsFile()).isNull();
    assertThat(logs.messages(Level.ERROR, "io.avsb.servlet")).containsExactly(
        "A vs B setting context-param avsb.flagsFile names the flags file \"/WEB-INF/flag.json\","
            + " but there is no webapp resource /WEB-INF/flag.json and no file"
            + " /WEB-INF/flag.json; running without it");
    try (AvsbServer server = new AvsbServer(config)) {
      assertThat(server.isReady()).isTrue();
    }
    assertThat(logs.messages(Level.INFO, "io.avsb.datasource")).singleElement().asString()
        .startsWith("A vs B runs offline because it has neither an SDK key nor a flags file")
        .doesNotContain("offline mode is set");
  }

  @Test
  void aKeyAloneGoesOnline() {
    params.put("avsb.sdkKey", "sdk-abc");
    AvsbConfig config = assemble(null).config();
    assertThat(config.sdkKey()).isEqualTo("sdk-abc");
    assertThat(config.offline()).isFalse();
  }

  @Test
  void aFlagsFileWithoutKeyReadsTheFileOffline() throws Exception {
    Path flags = Files.writeString(dir.resolve("flags.json"), "{}");
    params.put("avsb.flagsFile", flags.toString());
    ConfigAssembler.Result result = assemble(null);
    assertThat(result.config().flagsFile()).isEqualTo(flags);
    assertThat(result.config().eventsEnabled()).isTrue();
    assertThat(result.temporaryFlagsFile()).isNull();
    assertThat(logs.messages(Level.INFO, "io.avsb.servlet")).containsExactly("A vs B: flags from"
        + " the file " + flags + ", reloaded when it changes (no SDK key: no events are sent)");
  }

  @Test
  void aCopiedResourceIsReportedForDeletion() throws Exception {
    Path source = Files.writeString(dir.resolve("packed.json"), "{}");
    URL url = source.toUri().toURL();
    Settings settings = new Settings(
        Map.of("avsb.flagsFile", "/WEB-INF/flags.json")::get, n -> null, n -> null);
    FlagsFileLocator files = new FlagsFileLocator(n -> url, n -> null, dir);
    ConfigAssembler.Result result =
        ConfigAssembler.assemble(settings, files, getClass().getClassLoader(), null);
    assertThat(result.temporaryFlagsFile()).isNotNull().isEqualTo(result.config().flagsFile());
    assertThat(result.temporaryFlagsFile()).hasParent(dir).hasContent("{}");
  }

  @Test
  void wellFormedValuesAreApplied() {
    params.put("avsb.sdkKey", "sdk-abc");
    params.put("avsb.offline", "TRUE");
    params.put("avsb.baseUri", "http://localhost:8030");
    params.put("avsb.streamUri", "http://localhost:8031");
    params.put("avsb.eventsUri", "https://events.example.com/");
    params.put("avsb.startWait", "PT2S");
    AvsbConfig config = assemble(null).config();
    assertThat(config.offline()).isTrue();
    assertThat(config.baseUri()).isEqualTo(URI.create("http://localhost:8030"));
    assertThat(config.streamUri()).isEqualTo(URI.create("http://localhost:8031"));
    assertThat(config.eventsUri()).isEqualTo(URI.create("https://events.example.com/"));
    assertThat(config.startWait()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void startWaitIsIsoOrSeconds() {
    assertThat(ConfigAssembler.parseDuration("pt0.25s")).isEqualTo(Duration.ofMillis(250));
    assertThat(ConfigAssembler.parseDuration("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(ConfigAssembler.parseDuration("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void malformedValuesAreIgnoredAndTheRestApplied() {
    params.put("avsb.sdkKey", "sdk-abc");
    params.put("avsb.offline", "maybe");
    params.put("avsb.baseUri", "ftp://files.example.com");
    params.put("avsb.streamUri", "not a uri");
    params.put("avsb.startWait", "-3");
    params.put("avsb.eventsUri", "http://localhost:9000");
    params.put("avsb.flagsFile", dir.resolve("missing.json").toString());
    AvsbConfig config = assemble(null).config();
    AvsbConfig defaults = AvsbConfig.builder("sdk-abc").build();
    assertThat(config.offline()).isFalse();
    assertThat(config.baseUri()).isEqualTo(defaults.baseUri());
    assertThat(config.streamUri()).isEqualTo(defaults.streamUri());
    assertThat(config.startWait()).isEqualTo(defaults.startWait());
    assertThat(config.flagsFile()).isNull();
    assertThat(config.eventsUri()).isEqualTo(URI.create("http://localhost:9000"));
    assertThat(logs.messages(Level.ERROR, "io.avsb.servlet")).containsExactlyInAnyOrder(
        "A vs B setting context-param avsb.flagsFile names the flags file \""
            + dir.resolve("missing.json") + "\", but there is no webapp resource "
            + dir.resolve("missing.json") + " and no file " + dir.resolve("missing.json")
            + "; running without it",
        "A vs B setting context-param avsb.offline is not true or false; ignoring it",
        "A vs B setting context-param avsb.baseUri is not an http or https URI with a host;"
            + " ignoring it",
        "A vs B setting context-param avsb.streamUri is not an http or https URI with a host;"
            + " ignoring it",
        "A vs B setting context-param avsb.startWait is not a non-negative ISO-8601 duration"
            + " such as PT5S, or a number of seconds; ignoring it")
        .noneMatch(m -> m.contains("sdk-abc") || m.contains("not a uri"));
  }

  @Test
  void theNamedConfigurerRunsBeforeTheProgrammaticOne() {
    params.put("avsb.configurer", SlowFlush.class.getName());
    AvsbConfig config = assemble(b -> b.flushInterval(Duration.ofSeconds(43))).config();
    assertThat(config.eventCapacity()).isEqualTo(7);
    assertThat(config.flushInterval()).isEqualTo(Duration.ofSeconds(43));
  }

  @Test
  void anUnusableConfigurerClassIsLeftOut() {
    params.put("avsb.configurer", "com.example.Missing");
    assertThat(assemble(null).config().flushInterval()).isEqualTo(Duration.ofSeconds(5));
    params.put("avsb.configurer", String.class.getName());
    assertThat(assemble(null).config().flushInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aThrowingConfigurerLeavesTheSettingsOnly() {
    params.put("avsb.configurer", Failing.class.getName());
    params.put("avsb.startWait", "3");
    AvsbConfig config = assemble(null).config();
    assertThat(config.flushInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.startWait()).isEqualTo(Duration.ofSeconds(3));
    assertThat(logs.events(e -> e.level() == Level.ERROR)).singleElement().satisfies(e -> {
      assertThat(e.message())
          .isEqualTo("An A vs B configurer failed; starting without configurers");
      assertThat(e.throwable()).hasMessage("configurer bug");
    });
  }
}
