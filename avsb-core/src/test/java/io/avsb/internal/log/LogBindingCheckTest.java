package io.avsb.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

class LogBindingCheckTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
  private final AtomicBoolean said = new AtomicBoolean();
  // no parent: sees no META-INF/services of the test class path
  private final ClassLoader noProviders = new URLClassLoader(new URL[0], null);

  private String printed() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutAProviderItSaysOnceThatTheLinesAreLostAndWhatToAdd() {
    assertThat(LogBindingCheck.warnIfUnbound(new NOPLoggerFactory(), null, noProviders, errStream, said))
        .isTrue();
    assertThat(LogBindingCheck.warnIfUnbound(new NOPLoggerFactory(), null, noProviders, errStream, said))
        .isFalse();
    assertThat(printed()).isEqualTo(LogBindingCheck.MESSAGE + System.lineSeparator());
    assertThat(printed()).contains("log lines (errors included) are lost", "slf4j-simple");
  }

  @Test
  void aBoundProviderIsLeftAlone() {
    assertThat(LogBindingCheck.warnIfUnbound(
        LoggerFactory.getILoggerFactory(), null, noProviders, errStream, said)).isFalse();
    assertThat(printed()).isEmpty();
  }

  @Test
  void aNoOperationProviderChosenOnPurposeIsLeftAlone(@TempDir Path jar) throws Exception {
    // a class path entry offering a provider, as slf4j-nop's jar does
    Path services = Files.createDirectories(jar.resolve("META-INF/services"));
    Files.writeString(services.resolve("org.slf4j.spi.SLF4JServiceProvider"),
        "org.slf4j.nop.NOPServiceProvider\n");
    ClassLoader withNopProvider = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    // a named provider, or one on the class path, makes a NOP factory a choice, not a fallback
    assertThat(LogBindingCheck.warnIfUnbound(new NOPLoggerFactory(),
        "org.slf4j.nop.NOPServiceProvider", noProviders, errStream, said)).isFalse();
    assertThat(LogBindingCheck.warnIfUnbound(
        new NOPLoggerFactory(), null, withNopProvider, errStream, said)).isFalse();
    assertThat(printed()).isEmpty();
  }

  @Test
  void aJvmWithoutAnyProviderPrintsTheNoticeOnceForTwoServers(@TempDir Path dir) throws Exception {
    String classPath = Arrays.stream(testClassPath().split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes") && !e.endsWith("-tests.jar"))
        .filter(e -> !e.contains("slf4j-simple"))
        .collect(Collectors.joining(File.pathSeparator));
    Path program = Files.writeString(dir.resolve("TwoServers.java"), """
        public class TwoServers {
          public static void main(String[] args) {
            for (int i = 0; i < 2; i++) {
              new io.avsb.AvsbServer(io.avsb.AvsbConfig.builder(null).offline(true).build())
                  .close();
            }
            System.out.println("done");
          }
        }
        """);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", classPath, program.toString())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();
    List<String> errLines = Files.readAllLines(dir.resolve("err.txt"));
    assertThat(p.exitValue()).as("exit code; stderr: %s", errLines).isZero();
    assertThat(Files.readString(dir.resolve("out.txt"))).contains("done");
    assertThat(errLines).filteredOn(l -> l.equals(LogBindingCheck.MESSAGE)).hasSize(1);
  }

  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }
}
