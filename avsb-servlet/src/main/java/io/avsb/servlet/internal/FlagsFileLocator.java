package io.avsb.servlet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns the {@code avsb.flagsFile} setting into a file on disk. A value starting with {@code /}
 * that names a webapp resource (such as {@code /WEB-INF/flags.json}) is that resource: its real
 * path when the container unpacked the WAR, otherwise a copy in a temporary file (the caller
 * deletes it at shutdown). Any other value, or a {@code /} path that is no resource, is a
 * filesystem path. Not thread-safe; used once at start-up.
 */
public final class FlagsFileLocator {
  /**
   * A located file.
   *
   * @param path the file to read
   * @param temporary true when {@code path} is a copy to delete at shutdown
   */
  public record Located(Path path, boolean temporary) {}

  private final Function<String, URL> resources;
  private final UnaryOperator<String> realPaths;
  private final Path tempDir;

  /**
   * A locator over a webapp's resources ({@code ServletContext.getResource}, {@code getRealPath})
   * copying into {@code tempDir} (null for the JVM's temporary directory).
   */
  public FlagsFileLocator(
      Function<String, URL> resources, UnaryOperator<String> realPaths, Path tempDir) {
    this.resources = Objects.requireNonNull(resources, "resources");
    this.realPaths = Objects.requireNonNull(realPaths, "realPaths");
    this.tempDir = tempDir;
  }

  /**
   * The file for {@code value}, or null when there is neither such a resource nor such a file.
   *
   * @throws IOException when a resource exists but cannot be copied
   */
  public Located locate(String value) throws IOException {
    if (value.startsWith("/")) {
      URL resource = resources.apply(value);
      if (resource != null) {
        String real = realPaths.apply(value);
        if (real != null && Files.isRegularFile(Path.of(real))) {
          return new Located(Path.of(real), false);
        }
        return new Located(copy(resource, value), true);
      }
    }
    Path file = Path.of(value);
    return Files.isRegularFile(file) ? new Located(file.toAbsolutePath(), false) : null;
  }

  /**
   * Where {@link #locate} looked for {@code value}, for the message when it found nothing: the
   * webapp resource (for a value starting with {@code /}) and the absolute file, a relative path
   * being taken from the working directory.
   */
  public String whereLooked(String value) {
    Path file;
    try {
      file = Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return "it is not a file path (" + e.getReason() + ")";
    }
    String resource = value.startsWith("/") ? "no webapp resource " + value + " and " : "";
    String relative = Path.of(value).isAbsolute() ? ""
        : " (a relative path is taken from the working directory " + Path.of("").toAbsolutePath()
            + ")";
    return "there is " + resource + "no file " + file + relative;
  }

  private Path copy(URL resource, String name) throws IOException {
    int dot = name.lastIndexOf('.');
    String suffix = dot > name.lastIndexOf('/') ? name.substring(dot) : ".json";
    Path target = tempDir != null && Files.isDirectory(tempDir)
        ? Files.createTempFile(tempDir, "avsb-flags-", suffix)
        : Files.createTempFile("avsb-flags-", suffix);
    URLConnection connection = resource.openConnection();
    // a cached jar connection would keep the WAR file open after undeploy
    connection.setUseCaches(false);
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    return target;
  }
}
