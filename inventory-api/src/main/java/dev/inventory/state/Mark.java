package dev.inventory.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who marked a node and why: the reason given, when, and the text of the query that selected it
 * (absent when the mark was set from Java code without a query).
 *
 * @param reason the reason given with the mark, possibly empty
 * @param time when the mark was set (absent only in imported data that did not record it)
 * @param query the query text that selected the node, if any
 */
public record Mark(String reason, Optional<Instant> time, Optional<String> query) {
  /**
   * Checks that the values are present.
   *
   * @param reason why the node was marked, for people
   * @param time when it was marked, if known
   * @param query the query that selected the node, if any
   */
  public Mark {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(query, "query");
  }

  /**
   * A mark with a reason and a time, set without a query.
   *
   * @param reason why the node was marked
   * @param time when it was marked
   * @return the mark
   */
  public static Mark of(String reason, Instant time) {
    return new Mark(reason, Optional.of(time), Optional.empty());
  }

  /**
   * A mark with a reason, a time and the query that selected the node.
   *
   * @param reason why the node was marked
   * @param time when it was marked
   * @param query the query that selected the node
   * @return the mark
   */
  public static Mark of(String reason, Instant time, String query) {
    return new Mark(reason, Optional.of(time), Optional.of(query));
  }
}
