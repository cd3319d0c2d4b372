/**
 * The A vs B server-side SDK: {@code AvsbServer}, contexts, evaluation results and values.
 * Everything under {@code io.avsb.internal} is implementation and may change without notice.
 */
package io.avsb;
