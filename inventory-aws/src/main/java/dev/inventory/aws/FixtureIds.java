package dev.inventory.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Deterministic, realistic-looking AWS ids for fixtures: a prefix ({@code AKIA}, {@code AIDA}, ...)
 * and upper-case characters of the base32 alphabet that real AWS ids use, derived from a seed so
 * that the same fixture always gets the same ids.
 */
final class FixtureIds {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private FixtureIds() {}

  /**
   * An id not yet in {@code used}, which it is added to. A collision (with an explicit id or
   * another seed) is resolved by hashing the seed again with a counter, so the result stays
   * deterministic.
   */
  static String next(String prefix, int length, String seed, Set<String> used) {
    for (int attempt = 0; ; attempt++) {
      String id = prefix + hash(attempt == 0 ? seed : seed + "#" + attempt, length);
      if (used.add(id)) {
        return id;
      }
    }
  }

  private static String hash(String seed, int length) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
    }
    return sb.toString();
  }
}
