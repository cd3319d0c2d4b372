package io.avsb.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.spi.DataKind;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.PersistentStoreException;
import io.avsb.spi.SerializedItem;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rediss://} against a redis-server that speaks only TLS, with a certificate for localhost. */
class RedisTlsTest {
  private static final char[] PASS = "changeit".toCharArray();
  @TempDir
  static Path dir;
  private static RedisServer redis;
  private static Path trustStore;

  @BeforeAll
  static void startRedis() throws Exception {
    Path p12 = dir.resolve("redis.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "keytool").toString(), "-genkeypair", "-alias", "redis", "-keyalg", "RSA", "-keysize",
        "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
        "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", new String(PASS))
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0)
        .as("keytool: " + out).isTrue();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, PASS);
    }
    Certificate cert = ks.getCertificate("redis");
    Path certPem = dir.resolve("cert.pem");
    Path keyPem = dir.resolve("key.pem");
    Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(keyPem, pem("PRIVATE KEY", ks.getKey("redis", PASS).getEncoded()));
    redis = RedisServer.startTls(certPem, keyPem);

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("redis", cert);
    trustStore = dir.resolve("trust.p12");
    try (OutputStream file = Files.newOutputStream(trustStore)) {
      trust.store(file, PASS);
    }
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static PersistentStore store(String host, boolean trusting) {
    RedisStore.Builder b = RedisStore.builder().uri("rediss://" + host + ":" + redis.port())
        .prefix("tls").connectTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(2));
    if (trusting) {
      b.trustStore(trustStore, new String(PASS));
    }
    return b.build().create(null);
  }

  @Test
  void aTrustedCertificateNamingTheHostCarriesWritesAndReads() {
    try (PersistentStore store = store("localhost", true)) {
      store.init(new PersistentDataSet(Map.of("a", new SerializedItem(1, "{\"key\":\"a\"}")),
          Map.of(), -1));
      assertThat(store.get(DataKind.FLAGS, "a")).isEqualTo(new SerializedItem(1, "{\"key\":\"a\"}"));
    }
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    try (PersistentStore store = store("127.0.0.1", true)) {
      assertThat(store.isAvailable()).isFalse();
      assertThatThrownBy(store::isInitialized).isInstanceOf(PersistentStoreException.class)
          .hasMessageContaining("No subject alternative names matching");
    }
  }

  @Test
  void anUntrustedCertificateIsRefused() {
    try (PersistentStore store = store("localhost", false)) {
      assertThatThrownBy(store::isInitialized).isInstanceOf(PersistentStoreException.class)
          .hasMessageContaining("rediss://localhost:" + redis.port());
    }
  }
}
