package dev.inventory.examples;

/**
 * The shell's logging: by default (simplelogger.properties) the library's warnings without the
 * loggers whose failures the shell prints itself; {@code --debug} shows everything, stack traces
 * included.
 */
final class ShellLogging {
  private ShellLogging() {}

  /** Logs everything from now on; called before the first logger is made. */
  static void debug() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    for (String logger : new String[] {"dev.inventory.workflow", "dev.inventory.query.job"}) {
      System.setProperty("org.slf4j.simpleLogger.log." + logger, "debug");
    }
  }
}
