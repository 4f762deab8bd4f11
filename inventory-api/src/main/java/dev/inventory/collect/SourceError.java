package dev.inventory.collect;

import java.util.Objects;

/**
 * A failure of one source during a collect, which did not stop the others: for example an account
 * whose role could not be assumed, or an API call that was denied.
 *
 * <pre>{@code
 * new SourceError("aws:111111111111", "AccessDenied", "iam:ListUsers denied for role collector");
 * }</pre>
 *
 * @param source what failed, for example {@code aws:111111111111}
 * @param code a stable code that tests and hosts can check, for example the service's error code
 * @param message what happened, for people
 */
public record SourceError(String source, String code, String message) {
  /**
   * Checks that the values are present.
   *
   * @param source the source that failed, for example an account
   * @param code the error code, for example AWS's
   * @param message what failed, for people
   */
  public SourceError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** {@code source: code: message}. */
  @Override
  public String toString() {
    return source + ": " + code + ": " + message;
  }
}
