package dev.inventory.examples;

import java.util.List;

/** {@code help}: every command once. */
final class HelpCommand implements ShellCommand {
  @Override
  public List<String> names() {
    return List.of("help");
  }

  @Override
  public String run(String line) {
    if (!line.equals("help")) {
      throw ShellCommand.usage(line, "help takes no arguments", List.of("end of input"));
    }
    return Shell.helpText();
  }
}
