package dev.inventory.examples;

import dev.inventory.cleanup.CleanupConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code config show} and {@code config set worker KEY=VALUE[, KEY=VALUE]...}: the shell's one
 * cleanup configuration (the {@code --config} file, then what {@code config set} changed), which
 * every cleanup path of the shell reads.
 */
final class ConfigCommand implements ShellCommand {
  static final String HELP =
      "config show                 the worker configuration every cleanup uses"
          + "\nconfig set worker KEY=VALUE e.g. config set worker cleanup=true";

  private final AtomicReference<CleanupConfig> config;

  ConfigCommand(AtomicReference<CleanupConfig> config) {
    this.config = config;
  }

  @Override
  public List<String> names() {
    return List.of("config", "configs");
  }


  @Override
  public String run(String line) {
    String[] words = line.split("\\s+", 4);
    if (words.length == 2 && words[1].equals("show")) {
      CleanupConfig c = config.get();
      return CleanupConfig.SECTION + ":\n  " + c.toString().replace(", ", "\n  ").replace("=", ": ");
    }
    if (words.length == 4 && words[1].equals("set") && words[2].equals(CleanupConfig.SECTION)) {
      // All pairs or none: a bad one leaves the configuration as it was.
      CleanupConfig changed = config.get();
      for (String pair : words[3].split(",")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw ShellCommand.usage(line, "expected KEY=VALUE, got '" + pair.strip() + "'", List.of("KEY=VALUE"));
        }
        String key = pair.substring(0, eq).strip();
        // Fix Inventory's keys are prefixed with the section (fixworker.cleanup); both spellings work.
        key = key.startsWith("fixworker.") ? key.substring("fixworker.".length()) : key;
        changed = changed.with(key, pair.substring(eq + 1).strip());
      }
      config.set(changed);
      return "Configuration " + CleanupConfig.SECTION + " updated: " + changed;
    }
    throw ShellCommand.usage(line, "expected 'config show' or 'config set worker KEY=VALUE'",
        List.of("'set'", "'show'"));
  }
}
