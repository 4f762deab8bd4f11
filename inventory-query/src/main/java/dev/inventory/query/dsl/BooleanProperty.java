package dev.inventory.query.dsl;

import dev.inventory.query.Condition;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.BoolValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import java.util.Optional;

/**
 * A boolean property, such as the state marks {@code /desired.clean} and {@code
 * /metadata.protected} or {@code mfa_active}.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * desired("clean").isTrue();          // /desired.clean == true
 * metadata("protected").isFalse();    // /metadata.protected == false
 * }</pre>
 *
 * @param modifier how an array value combines its elements; empty means "any element matches"
 */
public record BooleanProperty(Path path, Optional<ArrayModifier> modifier) implements Property {
  public BooleanProperty {
    Predicates.check(path, modifier);
  }

  /** A property at {@code path} without an array modifier. */
  public BooleanProperty(Path path) {
    this(path, Optional.empty());
  }

  /** {@code path all ...}: every element of the array matches. */
  public BooleanProperty allElements() {
    return new BooleanProperty(path, Optional.of(ArrayModifier.ALL));
  }

  /** {@code path any ...}: some element of the array matches. */
  public BooleanProperty anyElement() {
    return new BooleanProperty(path, Optional.of(ArrayModifier.ANY));
  }

  /** {@code path none ...}: no element of the array matches. */
  public BooleanProperty noElement() {
    return new BooleanProperty(path, Optional.of(ArrayModifier.NONE));
  }

  /** {@code path == true}. */
  public Condition isTrue() {
    return eq(true);
  }

  /** {@code path == false}. A missing value is not false: use {@code not(p.isTrue())} for that. */
  public Condition isFalse() {
    return eq(false);
  }

  /** {@code path == value}. */
  public Condition eq(boolean value) {
    return Predicates.compare(this, Operator.EQ, BoolValue.of(value));
  }
}
