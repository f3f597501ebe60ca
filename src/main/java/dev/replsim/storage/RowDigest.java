package dev.replsim.storage;

/**
 * The hash of one row for order-independent digests: a database's digest is the sum of its rows'
 * hashes, so it needs no sorting and two replicas with the same rows agree whatever order they
 * were written in.
 */
final class RowDigest {

  private RowDigest() {}

  static long of(String key, String value) {
    long h = 0x9e3779b97f4a7c15L;
    h = mix(h ^ key.hashCode());
    h = mix(h ^ ((long) value.hashCode() << 32 | key.length()));
    return mix(h ^ value.length());
  }

  /** Which of {@code buckets} buckets a key falls in; the same on every node. */
  static int bucket(String key, int buckets) {
    return (int) Long.remainderUnsigned(mix(key.hashCode()), buckets);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
