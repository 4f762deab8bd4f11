package dev.inventory.aws.internal;

import dev.inventory.collect.SourceError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failures of single calls within one account, counted per action and error code, so that 300
 * denied keys make one {@link SourceError} ("GetAccessKeyLastUsed failed for 300 keys
 * (AccessDenied): ...") rather than 300. Thread-safe.
 */
final class ErrorTally {
  private static final int SAMPLES = 3;

  private record Key(String action, String code) {}

  private static final class Count {
    final String noun;
    final String firstMessage;
    final List<String> samples = new ArrayList<>();
    int n;

    Count(String noun, String firstMessage) {
      this.noun = noun;
      this.firstMessage = firstMessage;
    }
  }

  private final Map<Key, Count> counts = new LinkedHashMap<>();

  /** One {@code action} failed with {@code code} for {@code subject} (a key id, a user name), a {@code noun} ("key"). */
  synchronized void add(String action, String code, String message, String noun, String subject) {
    Count c = counts.computeIfAbsent(new Key(action, code), k -> new Count(noun, message));
    c.n++;
    if (c.samples.size() < SAMPLES) {
      c.samples.add(subject);
    }
  }

  /** One error per action and code, in the order they first happened. */
  synchronized List<SourceError> errors(String source) {
    List<SourceError> out = new ArrayList<>();
    counts.forEach((k, c) -> out.add(new SourceError(source, k.code(),
        k.action() + " failed for " + c.n + " " + c.noun + (c.n == 1 ? "" : "s") + " (" + k.code() + "): "
            + c.firstMessage + " (" + (c.n > c.samples.size() ? "e.g. " : "") + String.join(", ", c.samples) + ")")));
    return out;
  }
}
