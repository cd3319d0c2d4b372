package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextRedactorTest {
  private static final AvsbValue ADDRESS =
      AvsbValue.parse("{\"street\":\"1 Main St\",\"city\":\"Oslo\",\"geo\":{\"lat\":1,\"lon\":2}}");

  private static AvsbContext.Builder ann() {
    return AvsbContext.builder("u1")
        .name("Ann")
        .set("email", "ann@example.com")
        .set("address", ADDRESS);
  }

  private static ContextRedactor redactor(boolean all, String... refs) {
    Set<AttributeRef> set = new LinkedHashSet<>();
    for (String r : refs) {
      set.add(AttributeRef.of(r));
    }
    return new ContextRedactor(all, set);
  }

  private static AvsbValue json(String text) {
    return AvsbValue.parse(text);
  }

  /** The context as {@code redactor} writes it, read back. */
  private static AvsbValue redact(ContextRedactor redactor, AvsbContext context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonCodec.utf8Generator(out)) {
      redactor.write(context, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AvsbValue.parse(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void contextWithoutPrivateAttributesIsCopiedWithoutMeta() {
    AvsbValue out = redact(redactor(false), ann().build());
    assertThat(out).isEqualTo(json(
        "{\"kind\":\"user\",\"key\":\"u1\",\"name\":\"Ann\",\"email\":\"ann@example.com\","
            + "\"address\":" + ADDRESS.toJson() + "}"));
  }

  @Test
  void globalPrivateAttributesAreRemovedAndListedAsGiven() {
    AvsbValue out = redact(redactor(false, "email", "/address/street"), ann().build());
    assertThat(out).isEqualTo(json(
        "{\"kind\":\"user\",\"key\":\"u1\",\"name\":\"Ann\","
            + "\"address\":{\"city\":\"Oslo\",\"geo\":{\"lat\":1,\"lon\":2}},"
            + "\"_meta\":{\"redactedAttributes\":[\"email\",\"/address/street\"]}}"));
  }

  @Test
  void contextsOwnPrivateAttributesAreRedacted() {
    AvsbContext c = ann().privateAttributes("name", "/address/geo/lat").build();
    AvsbValue out = redact(redactor(false), c);
    assertThat(out).isEqualTo(json(
        "{\"kind\":\"user\",\"key\":\"u1\",\"email\":\"ann@example.com\","
            + "\"address\":{\"street\":\"1 Main St\",\"city\":\"Oslo\",\"geo\":{\"lon\":2}},"
            + "\"_meta\":{\"redactedAttributes\":[\"name\",\"/address/geo/lat\"]}}"));
  }

  @Test
  void referencesToAbsentOrNonObjectPathsRedactNothing() {
    AvsbValue out = redact(redactor(false, "/address/zip", "/email/user", "phone"), ann().build());
    assertThat(out).isEqualTo(redact(redactor(false), ann().build()));
    assertThat(out.get("_meta")).isEqualTo(AvsbValue.NULL);
  }

  @Test
  void wholeAttributeReferenceWinsOverNestedOne() {
    AvsbValue out = redact(redactor(false, "/address/street", "/address"), ann().build());
    assertThat(out.get("address")).isEqualTo(AvsbValue.NULL);
    assertThat(out.get("_meta")).isEqualTo(json("{\"redactedAttributes\":[\"/address\"]}"));
  }

  @Test
  void referenceNamedGloballyAndOnTheContextIsListedOnce() {
    AvsbContext c = ann().privateAttributes("/email").build();
    AvsbValue out = redact(redactor(false, "email"), c);
    assertThat(out.get("email")).isEqualTo(AvsbValue.NULL);
    assertThat(out.get("_meta")).isEqualTo(json("{\"redactedAttributes\":[\"email\"]}"));
  }

  @Test
  void escapedPathComponentNamesAnAttributeWithSlash() {
    AvsbContext c = AvsbContext.builder("u1").set("a/b", "secret").set("a", "kept").build();
    AvsbValue out = redact(redactor(false, "/a~1b"), c);
    assertThat(out).isEqualTo(json(
        "{\"kind\":\"user\",\"key\":\"u1\",\"a\":\"kept\","
            + "\"_meta\":{\"redactedAttributes\":[\"/a~1b\"]}}"));
  }

  @Test
  void allAttributesPrivateKeepsOnlyKindKeyAndAnonymous() {
    AvsbContext c = ann().anonymous(true).build();
    AvsbValue out = redact(redactor(true), c);
    assertThat(out).isEqualTo(json(
        "{\"kind\":\"user\",\"key\":\"u1\",\"anonymous\":true,"
            + "\"_meta\":{\"redactedAttributes\":[\"name\",\"email\",\"address\"]}}"));
  }

  @Test
  void kindKeyAndAnonymousCannotBeRedacted() {
    AvsbContext c = AvsbContext.builder("org", "o1").anonymous(true)
        .privateAttributes("key", "kind", "anonymous").build();
    AvsbValue out = redact(redactor(false, "/key"), c);
    assertThat(out).isEqualTo(json("{\"kind\":\"org\",\"key\":\"o1\",\"anonymous\":true}"));
  }

  @Test
  void anonymousIsWrittenOnlyWhenTrue() {
    AvsbValue out = redact(redactor(false), AvsbContext.builder("u1").anonymous(false).build());
    assertThat(out).isEqualTo(json("{\"kind\":\"user\",\"key\":\"u1\"}"));
  }

  @Test
  void multiContextRedactsEachPartOnItsOwn() {
    AvsbContext user = ann().privateAttributes("/address/city").build();
    AvsbContext org = AvsbContext.builder("org", "o1").name("Acme").set("email", "x@acme.io").build();
    AvsbValue out = redact(redactor(false, "email"), AvsbContext.multi(user, org));
    assertThat(out).isEqualTo(json(
        "{\"kind\":\"multi\","
            + "\"org\":{\"key\":\"o1\",\"name\":\"Acme\","
            + "\"_meta\":{\"redactedAttributes\":[\"email\"]}},"
            + "\"user\":{\"key\":\"u1\",\"name\":\"Ann\","
            + "\"address\":{\"street\":\"1 Main St\",\"geo\":{\"lat\":1,\"lon\":2}},"
            + "\"_meta\":{\"redactedAttributes\":[\"email\",\"/address/city\"]}}}"));
  }
}
