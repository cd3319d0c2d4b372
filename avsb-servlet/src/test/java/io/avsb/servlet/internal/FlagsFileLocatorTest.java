package io.avsb.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagsFileLocatorTest {
  @TempDir Path dir;

  @Test
  void unpackedResourceIsUsedWhereItIs() throws Exception {
    Path real = Files.writeString(dir.resolve("flags.json"), "{}");
    URL url = real.toUri().toURL();
    FlagsFileLocator locator = new FlagsFileLocator(
        path -> path.equals("/WEB-INF/flags.json") ? url : null,
        path -> path.equals("/WEB-INF/flags.json") ? real.toString() : null,
        dir);
    assertThat(locator.locate("/WEB-INF/flags.json"))
        .isEqualTo(new FlagsFileLocator.Located(real, false));
  }

  @Test
  void resourceInsideAPackedWarIsCopiedToATemporaryFileWithItsSuffix() throws Exception {
    Path war = dir.resolve("app.war");
    try (OutputStream out = Files.newOutputStream(war);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("WEB-INF/flags.yaml"));
      jar.write("flags: {}\n".getBytes(StandardCharsets.UTF_8));
    }
    URL inJar = URI.create("jar:" + war.toUri() + "!/WEB-INF/flags.yaml").toURL();
    Path temp = Files.createDirectory(dir.resolve("tmp"));
    FlagsFileLocator locator = new FlagsFileLocator(
        path -> path.equals("/WEB-INF/flags.yaml") ? inJar : null, path -> null, temp);
    FlagsFileLocator.Located located = locator.locate("/WEB-INF/flags.yaml");
    assertThat(located.temporary()).isTrue();
    assertThat(located.path()).hasParent(temp);
    assertThat(located.path().getFileName().toString()).endsWith(".yaml");
    assertThat(located.path()).hasContent("flags: {}");
  }

  @Test
  void otherValuesAreFilesystemPathsAndMissingOnesAreNotFound() throws Exception {
    Path file = Files.writeString(dir.resolve("local.json"), "{}");
    FlagsFileLocator locator = new FlagsFileLocator(Map.<String, URL>of()::get, p -> null, dir);
    assertThat(locator.locate(file.toString()))
        .isEqualTo(new FlagsFileLocator.Located(file, false));
    assertThat(locator.locate(dir.resolve("missing.json").toString())).isNull();
    assertThat(locator.locate("/WEB-INF/none.json")).isNull();
  }

  @Test
  void whereLookedNamesTheResourceAndTheAbsoluteFile() {
    FlagsFileLocator locator = new FlagsFileLocator(Map.<String, URL>of()::get, p -> null, dir);
    Path cwd = Path.of("").toAbsolutePath();
    assertThat(locator.whereLooked("/WEB-INF/none.json"))
        .isEqualTo("there is no webapp resource /WEB-INF/none.json and no file /WEB-INF/none.json");
    assertThat(locator.whereLooked("conf/flags.json")).isEqualTo("there is no file "
        + cwd.resolve("conf/flags.json") + " (a relative path is taken from the working"
        + " directory " + cwd + ")");
    assertThat(locator.whereLooked("bad\u0000name")).startsWith("it is not a file path");
  }
}
