package io.avsb.servlet.internal.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainAccessTest {
  @Test
  void onlyLoopbackLiteralsAreLoopback() {
    assertThat(ExplainAccess.isLoopback("127.0.0.1")).isTrue();
    assertThat(ExplainAccess.isLoopback("127.8.9.10")).isTrue();
    assertThat(ExplainAccess.isLoopback("::1")).isTrue();
    assertThat(ExplainAccess.isLoopback("[::1]")).isTrue();
    assertThat(ExplainAccess.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(ExplainAccess.isLoopback("::ffff:127.0.0.1")).isTrue();
    assertThat(ExplainAccess.isLoopback("10.0.0.1")).isFalse();
    assertThat(ExplainAccess.isLoopback("203.0.113.7")).isFalse();
    assertThat(ExplainAccess.isLoopback("127.0.0.256")).isFalse();
    assertThat(ExplainAccess.isLoopback("127.0.0")).isFalse();
    assertThat(ExplainAccess.isLoopback("localhost")).isFalse();
    assertThat(ExplainAccess.isLoopback("127.0.0.1.evil.example")).isFalse();
    assertThat(ExplainAccess.isLoopback("")).isFalse();
    assertThat(ExplainAccess.isLoopback(null)).isFalse();
  }

  @Test
  void aBlankRoleIsNoRole() {
    assertThat(new ExplainAccess(true, " ").role()).isNull();
    assertThat(new ExplainAccess(false, " admin ").describe()).isEqualTo("role admin");
    assertThat(new ExplainAccess(true, null).describe()).isEqualTo("loopback only");
  }
}
