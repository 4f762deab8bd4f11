package dev.inventory.query.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code id(id, ...)}: the node id is one of these. Ids made of {@code A-Z a-z 0-9 _ - : / .} print
 * unquoted, others in double quotes.
 *
 * <pre>{@code
 * IdTerm.of("AKIAEXAMPLE");                            // id(AKIAEXAMPLE)
 * IdTerm.of("arn:aws:iam::123456789012:user/jenkins")  // id(arn:aws:iam::123456789012:user/jenkins)
 * }</pre>
 */
public record IdTerm(List<String> ids) implements Term {
  public IdTerm {
    ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("id(...) names at least one id");
    }
  }

  /** {@code id(ids...)}. */
  public static IdTerm of(String... ids) {
    return new IdTerm(Arrays.asList(ids));
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
