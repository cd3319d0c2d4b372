package io.avsb.differential;

import com.launchdarkly.sdk.LDContext;
import io.avsb.AvsbContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a world into both SDKs (one data file each, in a scratch directory) and evaluates every
 * flag, plus one missing flag, for every context. Not thread-safe.
 */
final class Harness {
  /** A key no generated flag has: evaluates to FLAG_NOT_FOUND in both. */
  static final String MISSING_FLAG = "no-such-flag";

  private final Path dir;
  private int files;

  Harness(Path dir) {
    this.dir = dir;
  }

  /** One pair's results. */
  record Evaluation(String flagKey, int contextIndex, Outcome ours, Outcome reference) {
    boolean agrees() {
      return ours.sameAs(reference);
    }
  }

  /**
   * Every flag of {@code world} (and {@link #MISSING_FLAG}) for every context.
   *
   * @throws IllegalStateException when an SDK did not read the world's file: the generator made
   *     JSON one of them rejects as a whole
   */
  List<Evaluation> evaluateAll(World world) {
    List<String> keys = new ArrayList<>(world.flags().keySet());
    keys.add(MISSING_FLAG);
    return evaluate(world, keys);
  }

  /** The given flags of {@code world} for every context. */
  List<Evaluation> evaluate(World world, List<String> flagKeys) {
    return evaluate(world.dataFile(false), world.dataFile(true), world.contexts(), flagKeys);
  }

  /**
   * The given flags for every context, with each SDK reading its own data file (to show a known
   * difference).
   */
  List<Evaluation> evaluate(String oursData, String referenceData, List<Object> contexts,
      List<String> flagKeys) {
    Path oursFile = write(oursData);
    Path referenceFile = write(referenceData);
    ReferenceSdk started;
    try {
      started = new ReferenceSdk(referenceFile);
    } catch (RuntimeException e) {
      // the reference's loader throws on some data (a missing prerequisite key, for one)
      delete(oursFile);
      delete(referenceFile);
      throw new IllegalStateException("the reference failed on the data file: " + e, e);
    }
    try (ReferenceSdk reference = started; OurSdk ours = new OurSdk(oursFile)) {
      if (!ours.ready() || !reference.ready()) {
        throw new IllegalStateException("data file not read (ours ready: " + ours.ready()
            + ", reference ready: " + reference.ready() + "): " + oursData);
      }
      List<Evaluation> out = new ArrayList<>(flagKeys.size() * contexts.size());
      for (int c = 0; c < contexts.size(); c++) {
        String json = Json.write(contexts.get(c));
        AvsbContext ourContext = OurSdk.context(json);
        LDContext referenceContext = ReferenceSdk.context(json);
        for (String key : flagKeys) {
          out.add(new Evaluation(key, c, ours.evaluate(key, ourContext),
              reference.evaluate(key, referenceContext)));
        }
      }
      return out;
    } finally {
      delete(oursFile);
      delete(referenceFile);
    }
  }

  private Path write(String text) {
    Path file = dir.resolve("world-" + (files++) + ".json");
    try {
      Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
