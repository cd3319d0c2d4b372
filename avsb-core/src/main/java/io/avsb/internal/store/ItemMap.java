package io.avsb.internal.store;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map from string keys to values, kept as a hash array mapped trie (the compressed
 * layout of Steindorff and Vinju's CHAMP): a lookup walks at most seven small nodes, takes no lock
 * and allocates nothing; {@link #with} returns a new map sharing every node but the few on the key's
 * path, so one update costs the same at 200 or 200,000 entries and a snapshot holding the old map
 * stays unchanged. {@link #of} builds a whole map at once without intermediate copies. Entries sit
 * in their nodes' arrays (two slots each), with no per-entry object. Keys are stored interned: an
 * application names a flag with a literal, which the JVM interns, so the last step of a lookup is
 * an identity check rather than a comparison of the text (about 40 bytes of the JVM's string
 * table per key, released with the key; docs/performance.md). Immutable and thread-safe.
 *
 * @param <V> the value type
 */
final class ItemMap<V> {
  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;
  private static final Node EMPTY_NODE = new Node(0, 0, new Object[0]);
  private static final ItemMap<?> EMPTY = new ItemMap<>(EMPTY_NODE, 0);

  private final Node root;
  private final int size;

  private ItemMap(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  /** The empty map. */
  @SuppressWarnings("unchecked")
  static <V> ItemMap<V> empty() {
    return (ItemMap<V>) EMPTY;
  }

  /**
   * A map of the first {@code count} keys and values; when a key appears more than once, its last
   * value wins. The arrays are not kept; {@code keys} is left holding the interned keys.
   */
  static <V> ItemMap<V> of(String[] keys, Object[] values, int count) {
    if (count == 0) {
      return empty();
    }
    long[] order = new long[count];
    for (int i = 0; i < count; i++) {
      keys[i] = keys[i].intern();
      // unsigned order of the bit-reversed hash puts keys sharing their low bits, which pick the
      // slot at each level from the root down, next to each other; the index breaks ties
      int reversed = Integer.reverse(hash(keys[i])) ^ Integer.MIN_VALUE;
      order[i] = ((long) reversed << 32) | i;
    }
    Arrays.sort(order);
    int unique = dropEarlierDuplicates(order, keys);
    return new ItemMap<>(build(order, 0, unique, 0, keys, values), unique);
  }

  /** The number of entries. */
  int size() {
    return size;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(String key) {
    int h = hash(key);
    Node n = root;
    for (int shift = 0; ; shift += BITS) {
      if ((n.dataMap | n.nodeMap) == 0) {
        return (V) n.collisionValue(key);
      }
      int bit = 1 << ((h >>> shift) & MASK);
      if ((n.dataMap & bit) != 0) {
        int i = 2 * Integer.bitCount(n.dataMap & (bit - 1));
        return key.equals(n.array[i]) ? (V) n.array[i + 1] : null;
      }
      if ((n.nodeMap & bit) == 0) {
        return null;
      }
      n = n.child(bit);
    }
  }

  /** This map with {@code key} set to {@code value}. */
  ItemMap<V> with(String key, V value) {
    key = key.intern();
    boolean[] added = new boolean[1];
    Node next = root.put(key, value, hash(key), 0, added);
    return new ItemMap<>(next, added[0] ? size + 1 : size);
  }

  /** Calls {@code action} for every entry, in no particular order. */
  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<String, ? super V> action) {
    root.forEach((BiConsumer<String, Object>) action);
  }

  /** A read-only {@link Map} view. */
  Map<String, V> asMap() {
    return new MapView<>(this);
  }

  /** The key's hash, mixed (murmur3's finalizer) so that short keys spread over every level. */
  static int hash(String key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private static int dropEarlierDuplicates(long[] order, String[] keys) {
    int out = 0;
    for (int i = 0; i < order.length; i++) {
      String key = keys[(int) order[i]];
      boolean later = false;
      // equal keys have equal hashes, so any duplicate is in this run of equal hashes
      for (int j = i + 1; j < order.length && (order[j] >>> 32) == (order[i] >>> 32); j++) {
        if (key.equals(keys[(int) order[j]])) {
          later = true;
          break;
        }
      }
      if (!later) {
        order[out++] = order[i];
      }
    }
    return out;
  }

  private static Node build(long[] order, int from, int to, int shift, String[] keys,
      Object[] values) {
    if (shift >= Integer.SIZE) {
      Object[] pairs = new Object[2 * (to - from)];
      for (int i = from; i < to; i++) {
        int index = (int) order[i];
        pairs[2 * (i - from)] = keys[index];
        pairs[2 * (i - from) + 1] = values[index];
      }
      return new Node(0, 0, pairs);
    }
    int[] groupFrom = new int[1 << BITS];
    int[] groupTo = new int[1 << BITS];
    int dataMap = 0;
    int nodeMap = 0;
    for (int i = from; i < to; ) {
      int slot = slot(order[i], shift);
      int end = i + 1;
      while (end < to && slot(order[end], shift) == slot) {
        end++;
      }
      groupFrom[slot] = i;
      groupTo[slot] = end;
      if (end - i == 1) {
        dataMap |= 1 << slot;
      } else {
        nodeMap |= 1 << slot;
      }
      i = end;
    }
    Object[] array = new Object[2 * Integer.bitCount(dataMap) + Integer.bitCount(nodeMap)];
    int data = 0;
    int node = array.length - 1;
    for (int slot = 0; slot < (1 << BITS); slot++) {
      int bit = 1 << slot;
      if ((dataMap & bit) != 0) {
        int index = (int) order[groupFrom[slot]];
        array[data++] = keys[index];
        array[data++] = values[index];
      } else if ((nodeMap & bit) != 0) {
        array[node--] = build(order, groupFrom[slot], groupTo[slot], shift + BITS, keys, values);
      }
    }
    return new Node(dataMap, nodeMap, array);
  }

  private static int slot(long ordered, int shift) {
    int hash = Integer.reverse((int) (ordered >>> 32) ^ Integer.MIN_VALUE);
    return (hash >>> shift) & MASK;
  }

  /**
   * One trie node: a bitmap of the slots holding an entry (key and value in {@code array} from the
   * start, in slot order) and one of the slots holding a child node (from the end of {@code array},
   * in slot order). A node with both bitmaps empty and entries is a collision node: keys with the
   * same full hash, past the last level, searched in turn.
   */
  private static final class Node {
    final int dataMap;
    final int nodeMap;
    final Object[] array;

    Node(int dataMap, int nodeMap, Object[] array) {
      this.dataMap = dataMap;
      this.nodeMap = nodeMap;
      this.array = array;
    }

    Node child(int bit) {
      return (Node) array[array.length - 1 - Integer.bitCount(nodeMap & (bit - 1))];
    }

    Object collisionValue(String key) {
      for (int i = 0; i < array.length; i += 2) {
        if (key.equals(array[i])) {
          return array[i + 1];
        }
      }
      return null;
    }

    Node put(String key, Object value, int h, int shift, boolean[] added) {
      if ((dataMap | nodeMap) == 0 && array.length > 0) {
        return putCollision(key, value, added);
      }
      int bit = 1 << ((h >>> shift) & MASK);
      if ((dataMap & bit) != 0) {
        int i = 2 * Integer.bitCount(dataMap & (bit - 1));
        String present = (String) array[i];
        if (present.equals(key)) {
          Object[] copy = array.clone();
          copy[i + 1] = value;
          return new Node(dataMap, nodeMap, copy);
        }
        added[0] = true;
        Node sub = pair(present, array[i + 1], hash(present), key, value, h, shift + BITS);
        return withDataMovedToNode(bit, i, sub);
      }
      if ((nodeMap & bit) != 0) {
        int j = array.length - 1 - Integer.bitCount(nodeMap & (bit - 1));
        Object[] copy = array.clone();
        copy[j] = ((Node) array[j]).put(key, value, h, shift + BITS, added);
        return new Node(dataMap, nodeMap, copy);
      }
      added[0] = true;
      int i = 2 * Integer.bitCount(dataMap & (bit - 1));
      Object[] copy = new Object[array.length + 2];
      System.arraycopy(array, 0, copy, 0, i);
      copy[i] = key;
      copy[i + 1] = value;
      System.arraycopy(array, i, copy, i + 2, array.length - i);
      return new Node(dataMap | bit, nodeMap, copy);
    }

    private Node putCollision(String key, Object value, boolean[] added) {
      for (int i = 0; i < array.length; i += 2) {
        if (key.equals(array[i])) {
          Object[] copy = array.clone();
          copy[i + 1] = value;
          return new Node(0, 0, copy);
        }
      }
      added[0] = true;
      Object[] copy = Arrays.copyOf(array, array.length + 2);
      copy[array.length] = key;
      copy[array.length + 1] = value;
      return new Node(0, 0, copy);
    }

    // The entry at data index i leaves the data part; sub takes its slot among the child nodes.
    private Node withDataMovedToNode(int bit, int i, Node sub) {
      int below = Integer.bitCount(nodeMap & (bit - 1));
      int at = array.length - 2 - below;
      Object[] copy = new Object[array.length - 1];
      System.arraycopy(array, 0, copy, 0, i);
      System.arraycopy(array, i + 2, copy, i, at - i);
      copy[at] = sub;
      System.arraycopy(array, at + 2, copy, at + 1, below);
      return new Node(dataMap ^ bit, nodeMap | bit, copy);
    }

    private static Node pair(String k1, Object v1, int h1, String k2, Object v2, int h2,
        int shift) {
      if (shift >= Integer.SIZE) {
        return new Node(0, 0, new Object[] {k1, v1, k2, v2});
      }
      int s1 = (h1 >>> shift) & MASK;
      int s2 = (h2 >>> shift) & MASK;
      if (s1 == s2) {
        return new Node(0, 1 << s1, new Object[] {pair(k1, v1, h1, k2, v2, h2, shift + BITS)});
      }
      Object[] array = s1 < s2 ? new Object[] {k1, v1, k2, v2} : new Object[] {k2, v2, k1, v1};
      return new Node((1 << s1) | (1 << s2), 0, array);
    }

    void forEach(BiConsumer<String, Object> action) {
      int data = (dataMap | nodeMap) == 0 ? array.length : 2 * Integer.bitCount(dataMap);
      for (int i = 0; i < data; i += 2) {
        action.accept((String) array[i], array[i + 1]);
      }
      for (int i = data; i < array.length; i++) {
        ((Node) array[i]).forEach(action);
      }
    }

    int dataEnd() {
      return (dataMap | nodeMap) == 0 ? array.length : 2 * Integer.bitCount(dataMap);
    }
  }

  /** Iterates the entries depth first with an explicit stack (the trie is at most 8 deep). */
  private static final class EntryIterator<V> implements Iterator<Map.Entry<String, V>> {
    private final Node[] nodes = new Node[Integer.SIZE / BITS + 2];
    private final int[] positions = new int[nodes.length];
    private int depth;

    EntryIterator(Node root) {
      nodes[0] = root;
    }

    @Override
    public boolean hasNext() {
      while (depth >= 0) {
        Node n = nodes[depth];
        int p = positions[depth];
        if (p < n.dataEnd()) {
          return true;
        }
        if (p < n.array.length) {
          positions[depth] = p + 1;
          depth++;
          nodes[depth] = (Node) n.array[p];
          positions[depth] = 0;
        } else {
          depth--;
        }
      }
      return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map.Entry<String, V> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Node n = nodes[depth];
      int p = positions[depth];
      positions[depth] = p + 2;
      return new AbstractMap.SimpleImmutableEntry<>((String) n.array[p], (V) n.array[p + 1]);
    }
  }

  private static final class MapView<V> extends AbstractMap<String, V> {
    private final ItemMap<V> map;

    MapView(ItemMap<V> map) {
      this.map = map;
    }

    @Override
    public V get(Object key) {
      return key instanceof String s ? map.get(s) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public int size() {
      return map.size;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, V>> iterator() {
          return new EntryIterator<>(map.root);
        }

        @Override
        public int size() {
          return map.size;
        }
      };
    }
  }
}
