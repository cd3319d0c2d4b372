/**
 * The SDK's HTTP layer over Apache HttpClient 5: client set-up (pooling, timeouts, proxy, TLS), the
 * protocol's request headers, status classification and SDK-key masking. Internal: none of these
 * types appears in the public API.
 */
package io.avsb.internal.http;
