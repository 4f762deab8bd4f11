package dev.inventory.query.dsl;

import dev.inventory.query.Condition;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Value;
import java.util.Objects;
import java.util.Optional;

/** Builds the predicates of the property types, so that each operator is one line. */
final class Predicates {
  private Predicates() {}

  static Condition compare(Property property, Operator operator, Value value) {
    return new Condition(new Predicate(property.path(), property.modifier(), operator, value));
  }

  static void check(Path path, Optional<ArrayModifier> modifier) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(modifier, "modifier");
  }
}
