package dev.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * "Did you mean" for error messages: the known names closest to a misspelt one, by edit distance.
 *
 * <p>A name counts as close when at most {@code max(2, length / 2)} single-character edits turn
 * one into the other, or when one contains the other. Ties are broken alphabetically, so the
 * suggestion for the same input is always the same.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The known names close to {@code name}, closest first, at most {@code max} of them.
   *
   * @param name the name that was not found
   * @param known the names that exist
   * @param max how many to return at the most
   * @return the close names, closest first; empty when none is close
   */
  public static List<String> closest(String name, Collection<String> known, int max) {
    List<String> names = new ArrayList<>(known);
    names.sort((a, b) -> {
      int c = Integer.compare(distance(name, a), distance(name, b));
      return c != 0 ? c : a.compareTo(b);
    });
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (out.size() == max) {
        break;
      }
      if (distance(name, n) <= Math.max(2, name.length() / 2) || n.contains(name) || name.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * The one known name closest to {@code name}, if any is close.
   *
   * @param name the name that was not found
   * @param known the names that exist
   * @return the closest name, or empty when none is close
   */
  public static Optional<String> closest(String name, Collection<String> known) {
    return closest(name, known, 1).stream().findFirst();
  }

  /**
   * {@code " (did you mean 'x'?)"} for the closest known name, or the empty string when none is
   * close: ready to append to a message.
   *
   * @param name the name that was not found
   * @param known the names that exist
   * @return the hint, starting with a space, or {@code ""}
   */
  public static String didYouMean(String name, Collection<String> known) {
    return closest(name, known).map(n -> " (did you mean '" + n + "'?)").orElse("");
  }

  /** The Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
