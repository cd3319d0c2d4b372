package io.avsb.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CheckoutDemoTest {
  private static final Path FLAGS =
      Path.of(System.getProperty("avsb.project.root", "../.."), "examples", "flags.json");

  @Test
  void printsTheSeedsAnswersForEachUser() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CheckoutDemo.run(FLAGS, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("ready: true");
    assertThat(out).containsPattern("u2 +plan=pro +showNewCheckout=true +theme=dark +\\(RULE_MATCH\\(0,paid-plans\\)\\)");
    assertThat(out).containsPattern("u_power +plan=free +showNewCheckout=true +theme=default +\\(TARGET_MATCH\\)");
    assertThat(out).containsPattern("u1 +plan=free +showNewCheckout=false +theme=default +\\(FALLTHROUGH\\(inExperiment\\)\\)");
    // 20% of the fallthrough experiment gets the new checkout; SHA-1 puts u1 at bucket 0.289
    assertThat(out).containsPattern("anon +plan=- +showNewCheckout=false +theme=default");
  }
}
