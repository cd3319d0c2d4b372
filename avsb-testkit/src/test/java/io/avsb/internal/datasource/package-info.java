/**
 * Integration tests of the SDK's network data sources over real HTTP (Apache HttpClient 5 against
 * {@link io.avsb.testkit.AvsbTestService} on loopback). They live in the testkit module because
 * avsb-core cannot depend on the testkit (that would be a cycle), and in the data sources' package
 * so that they can inject the backoff's jitter through its package-private constructor.
 */
package io.avsb.internal.datasource;
