/**
 * The A vs B server-side SDK: {@code AvsbServer} and its {@code CompletionStage} twin {@code
 * AsyncAvsbServer}, contexts, evaluation results and values, the data source status provider and
 * flag change listeners.
 * Everything under {@code io.avsb.internal} is implementation and may change without notice.
 */
package io.avsb;
