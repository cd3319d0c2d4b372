package io.avsb.redis.internal;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The versioned upsert, run inside Redis so that the version check and the write are one atomic
 * step whatever other writers do: the item is stored only if no version is stored for it or the
 * stored one is lower; then the counter is raised and the notice published with the item. Run by
 * its SHA-1 ({@code EVALSHA}), and sent in full once when Redis does not know it (after a
 * restart). Thread-safe.
 */
final class UpsertScript {
  // KEYS: items hash, versions hash, generation counter
  // ARGV: item key, version field, version, item JSON, channel, notice header
  static final String LUA = """
      local stored = tonumber(redis.call('HGET', KEYS[2], ARGV[2]))
      if stored and stored >= tonumber(ARGV[3]) then
        return 0
      end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
      redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
      local generation = redis.call('INCR', KEYS[3])
      redis.call('PUBLISH', ARGV[5], generation .. ' ' .. ARGV[6] .. '\\n' .. ARGV[4])
      return 1
      """;

  private final String sha1;

  UpsertScript() {
    this.sha1 = Sha1Hex.of(LUA);
  }

  /** Runs the script; true when the item was stored. */
  boolean run(UnifiedJedis redis, List<String> keys, List<String> args) {
    Object result;
    try {
      result = redis.evalsha(sha1, keys, args);
    } catch (JedisNoScriptException e) {
      result = redis.eval(LUA, keys, args); // EVAL also caches it for the next EVALSHA
    }
    return Long.valueOf(1).equals(result);
  }
}
