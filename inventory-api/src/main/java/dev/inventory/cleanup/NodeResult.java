package dev.inventory.cleanup;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one planned node in a cleanup run: a line of the {@link CleanupReport} and one
 * entry of the audit trail.
 *
 * <pre>{@code
 * NodeResult r = report.node("AKIA...").orElseThrow();
 * if (r.outcome() == Outcome.FAILED && r.retryable()) { ... it is tried again on the next run ... }
 * }</pre>
 *
 * @param id the node id
 * @param kind the node's kind
 * @param name the node's name, if it has one
 * @param account the name of the nearest {@code account} ancestor, if any
 * @param pass the 1-based pass the node ran in
 * @param outcome what happened
 * @param reason why, in words (for example {@code deleted} or {@code protected since the snapshot})
 * @param error the error message of a failure
 * @param retryable whether a failure may succeed on a later run ({@code false} unless failed)
 * @param duration how long the node took
 */
public record NodeResult(
    String id,
    String kind,
    Optional<String> name,
    Optional<String> account,
    int pass,
    Outcome outcome,
    String reason,
    Optional<String> error,
    boolean retryable,
    Duration duration) {

  /**
   * Checks that the values are present.
   *
   * @param id the node id
   * @param kind the kind name
   * @param name the node's name, if any
   * @param account the nearest account's name, if any
   * @param pass the 0-based pass
   * @param outcome what happened
   * @param reason why, for people
   * @param error the error message, when the action failed
   * @param retryable whether a failure may go away on a later run
   * @param duration how long the node took
   */
  public NodeResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(duration, "duration");
    if (retryable && outcome != Outcome.FAILED) {
      throw new IllegalArgumentException("only a failed node can be retryable, not " + outcome);
    }
  }
}
