package dev.inventory.examples;

import dev.inventory.Inventory;
import java.util.List;
import java.util.function.Supplier;

/** {@code kinds}: the number of resources per kind and per base kind. */
final class KindsCommand implements ShellCommand {
  static final String HELP = "kinds                       the number of resources per kind and per base kind";

  private final Supplier<Inventory> inventory;

  KindsCommand(Supplier<Inventory> inventory) {
    this.inventory = inventory;
  }

  @Override
  public List<String> names() {
    return List.of("kinds");
  }

  @Override
  public String run(String line) {
    if (!line.equals("kinds")) {
      throw ShellCommand.usage(line, "kinds takes no arguments", List.of("end of input"));
    }
    return Shell.kinds(inventory.get());
  }
}
