/**
 * A persistent store on Redis for a fleet of A vs B servers: {@link io.avsb.redis.RedisStore}.
 * The rest of the module is in {@code io.avsb.redis.internal}.
 */
package io.avsb.redis;
