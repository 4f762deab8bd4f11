package dev.inventory.query.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code is(kind, ...)}: the node's kind is one of these kinds or a subkind of one. Kinds are not
 * checked here; {@code QueryValidator.checkKinds} checks them against a kind registry.
 *
 * <pre>{@code
 * IsTerm.of("access_key");          // is(access_key)
 * IsTerm.of("aws_iam_user", "user") // is(aws_iam_user, user)
 * }</pre>
 */
public record IsTerm(List<String> kinds) implements Term {
  public IsTerm {
    kinds = List.copyOf(Objects.requireNonNull(kinds, "kinds"));
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("is(...) names at least one kind");
    }
    for (String k : kinds) {
      if (k.isEmpty()) {
        throw new IllegalArgumentException("a kind name is not empty");
      }
    }
  }

  /** {@code is(kinds...)}. */
  public static IsTerm of(String... kinds) {
    return new IsTerm(Arrays.asList(kinds));
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
