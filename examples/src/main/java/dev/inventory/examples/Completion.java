package dev.inventory.examples;

import dev.inventory.Inventory;
import dev.inventory.Kind;
import dev.inventory.KindRegistry;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What tab completes at a terminal: the command names at the start of a line; in a {@code search}
 * line, {@code is(KIND)} for the known kinds and the property names of the known kinds.
 */
final class Completion {
  private final List<String> commands;
  private final Supplier<Inventory> inventory;

  Completion(List<String> commands, Supplier<Inventory> inventory) {
    this.commands = List.copyOf(commands);
    this.inventory = inventory;
  }

  /**
   * The words that may stand where {@code word} is being typed.
   *
   * @param line the line up to the cursor
   * @param word the word being typed (the end of {@code line})
   * @param first whether the word is the first of the line
   */
  List<String> candidates(String line, String word, boolean first) {
    if (first) {
      return commands;
    }
    if (!line.strip().startsWith("search")) {
      return List.of();
    }
    KindRegistry kinds = inventory.get().kinds();
    TreeSet<String> words = new TreeSet<>();
    for (Kind k : kinds.kinds()) {
      words.add("is(" + k.name() + ")");
      words.addAll(k.properties().keySet());
    }
    return List.copyOf(words);
  }
}
