package dev.inventory.aws.fake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM's Marker/MaxItems pagination. A marker is opaque (base64 of action and offset) and must be
 * one the fake issued; with short pages on, a page holds about half of MaxItems.
 */
final class Pager {
  /** One page and the marker of the next one ({@code null} on the last page). */
  record Page<T>(List<T> items, String marker) {
    boolean truncated() {
      return marker != null;
    }

    /** {@code <IsTruncated>} and, when truncated, {@code <Marker>}. */
    void writeTail(Xml xml) {
      xml.bool("IsTruncated", truncated()).text("Marker", marker);
    }
  }

  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private volatile boolean shortPages;

  void shortPages(boolean on) {
    shortPages = on;
  }

  <T> Page<T> page(String action, List<T> all, Params params) {
    int max = params.maxItems();
    int from = params.optional("Marker").map(m -> offset(action, m)).orElse(0);
    int size = shortPages ? Math.max(1, (max + 1) / 2) : max;
    int to = Math.min(all.size(), from + size);
    List<T> items = from >= all.size() ? List.of() : List.copyOf(all.subList(from, to));
    String next = null;
    if (to < all.size()) {
      next = Base64.getEncoder().encodeToString((action + ":" + to).getBytes(StandardCharsets.UTF_8));
      issued.add(next);
    }
    return new Page<>(items, next);
  }

  private int offset(String action, String marker) {
    if (!issued.contains(marker)) {
      throw FakeError.validation("Invalid Marker: '" + marker + "' was not issued by a previous " + action + " call");
    }
    String decoded = new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8);
    if (!decoded.startsWith(action + ":")) {
      throw FakeError.validation("Invalid Marker: '" + marker + "' belongs to another action than " + action);
    }
    return Integer.parseInt(decoded.substring(action.length() + 1));
  }
}
