package io.avsb.differential;

import io.avsb.differential.Json.Raw;

/**
 * The value pools the generator draws from, shared by flags and contexts so that clauses, targets
 * and segment lists hit what contexts hold: keys, kinds, attribute names and references (valid
 * and invalid), strings, numbers at the int32 edges, versions and dates that the two SDKs might
 * read differently, regular expressions. Constants only.
 */
final class Pools {
  private Pools() {}

  static final String[] OPERATORS = {
    "in", "startsWith", "endsWith", "contains", "matches", "lessThan", "lessThanOrEqual",
    "greaterThan", "greaterThanOrEqual", "before", "after", "semVerEqual", "semVerLessThan",
    "semVerGreaterThan", "segmentMatch",
  };
  static final String[] KINDS = {"user", "user", "org", "device", "Team_1.x"};
  static final String[] KEYS = {
    "k0", "k1", "k2", "k3", "ключ", "🙂", "a:b%c", "k0 ", "K0", "0", "1.5",
  };
  static final String[] ATTRIBUTES = {
    "a", "b", "tier", "email", "country", "version", "when", "n", "arr", "obj", "name", "key",
    "anonymous", "kind", "/slash", "~tilde", "with space", "ключ", "_meta", "custom",
  };
  static final String[] PATHS = {
    "/obj/x", "/obj/y/z", "/obj", "/arr", "/a", "/~1slash", "/~0tilde", "/key", "/kind", "/name",
    "/obj/x/y", "/ключ", "/n",
  };
  static final String[] INVALID_REFS = {"/", "/a//b", "/a~2b", "/obj/", "", "/~"};
  static final String[] STRINGS = {
    "", "a", "abc", "abcdef", "ABC", "xyz", "ключ", "🙂x", "tier-1", "gold", "silver", "1", "2.5",
    "true", "null", "a\u0000b", "k0", "K0", "é", "e\u0301", "\ud83d", "org", "user",
  };
  static final String[] VERSIONS = {
    "1.2.3", "1.2.3-01", "1.2.3-rc.1", "1.2.3-rc.01", "1.2.3-rc.10", "1.2.3-rc.2", "1.2", "1",
    "01.2.3", "1.02.3", "2147483647.0.0", "2147483648.0.0", "99999999999.0.0", "1.2.3-a..b",
    "1.2.3-.", "1.2.3-a.", "1.2.3+build", "1.2.3-rc+b.1", "1.2.3-", "1.2.3+", "v1.2.3",
    "1.2.3.4", "1.2.3-x-y", "1.2.3--1", "1.2.3-2147483648", "1.2.3-2147483647", "1.2.3-00",
    "1.2.3-0", "1.2.3-alpha.beta", "1.2.3-Alpha", "0.0.0", "1.2.3-+", " 1.2.3", "1.2.3-a.-1",
    "1.2.3-a.-2", "1.2.3-a.1.", "1.2.3-..", "1.2.4", "2.0.0", "1.10.0", "1.2.3-a", "1.2.3-b",
    "1.2.3+a..b", "1.2.3-a.b.c", "1.2.3-a.b", "1.2.3-1.a", "1.2.3-1",
  };
  static final String[] DATES = {
    "2021-07-01T00:00:00Z", "2021-07-01T00:00Z", "2021-07-01T00:00:00.Z",
    "2021-07-01T00:00:00.123456789Z", "2021-07-01T00:00:00.1234567891Z", "2021-07-01t00:00:00z",
    "2021-07-01T01:00:00+01", "2021-07-01T01:00:30+01:00:30", "2021-07-01T01:00:00+0100",
    "2021-07-01T01:00+01:00[Europe/London]", "2021-07-01T00:00Z[UTC]", "2021-07-01T00:00Z[Zulu]",
    "2021-07-01T00:00Z[EST]", "2021-07-01T00:00Z[europe/london]", "2021-07-01T00:00Z[GMT0]",
    "2021-07-01T00:00Z[UTC+01:00]", "2021-07-01T00:00Z[+01:00]", "2021-07-01T00:00Z[+01]",
    "2021-07-01T00:00Z[Z]", "2021-07-01T00:00Z[GMT+0]", "2021-07-01T00:00Z[Etc/GMT+5]",
    "2021-07-01", "2021-07-01T00:00:00", "1625097600000", "+12021-07-01T00:00Z",
    "-2021-07-01T00:00Z", "+2021-07-01T00:00Z", "-0000-07-01T00:00Z", "2021-02-29T00:00:00Z",
    "2020-02-29T00:00:00Z", "2021-07-01T24:00Z", "2021-07-01T23:59:60Z", "2021-07-01T00:00+18:00",
    "2021-07-01T00:00+19:00", "2021-07-01T00:00-18:00:01", "2021-07-01T00:00+24:00",
    "2021-07-01T00:00:00.000000000+00:00", "2021-07-01T00:00:00-00:00", "2021-07-01 00:00:00Z",
    "2021-07-01T00:00Z ", "2021-06-30T23:59:59.999Z", "2021-07-01T00:00:00.001Z",
    "1970-01-01T00:00:00Z", "2030-01-01T00:00:00-07:00", "2021-07-01T00:00Z[UT]",
    "2021-07-01T00:00Z[UTC0]", "2021-07-01T00:00Z[]", "2021-07-01T00:00Z[Europe/London",
    "2021-07-01T00:00Z[SystemV/EST5]", "2021-07-01T00:00Z[GMT+01:00:30]", "2021-07-01T00:00Z[-18:00]",
    "2021-07-01T00:00Z[UTC+19:00]", "2021-07-01T00:00Z[UTCZ]", "2021-07-01T00:00z[UTC]",
    "2021-07-01T00:00Z[utc]", "+999999999-12-31T23:59:59Z", "+1000000000-01-01T00:00Z",
    "2021-07-01T00:00:00,5Z", "2021-07-01T00:00.5Z", "2021-7-01T00:00Z", "20210701T000000Z",
  };
  static final Object[] NUMBERS = {
    0L, 1L, -1L, 2L, 1.5, 100L, new Raw("1e3"), 2147483647L, 2147483648L, -2147483648L,
    -2147483649L, 5000227792L, 1625097600000L, 1.0e20, 0.1, new Raw("-0"), new Raw("1.0"), 42L,
    new Raw("99999.99999"), 99999L, 1e-7, -0.5,
  };
  static final String[] REGEXES = {
    "^a", "b$", "[0-9]+", ".*", "ключ", "(", "[", "a{2,}", "^$", "\\d", "^k[0-3]$", "(?i)abc",
    "\\p{L}+", "x|y", "🙂",
  };

}
