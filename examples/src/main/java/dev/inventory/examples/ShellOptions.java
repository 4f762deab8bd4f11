package dev.inventory.examples;

import dev.inventory.Suggestions;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.LastUsedMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The shell's command line options, parsed and checked. */
final class ShellOptions {
  static final String USAGE =
      "usage: inventory [--fixture FILE | --aws [--profile NAME] [--role-arn ARN [--external-id ID]]... [--endpoint-url URL]\n"
      + "                  [--last-used per-key|credential-report|auto] [--requests-per-second N]]\n"
      + "                 [--now INSTANT] [--state FILE] [--export FILE] [--config FILE] [--debug] [-c COMMAND]...\n"
      + "       inventory --help | --version";

  private static final List<String> VALUED = List.of("--fixture", "--now", "--state", "--export", "--config", "-c",
      "--profile", "--role-arn", "--external-id", "--endpoint-url", "--last-used", "--requests-per-second");
  private static final List<String> FLAGS = List.of("--aws", "--debug", "--help", "--version");

  /** A bad command line option. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  Path fixture;
  Path state;
  Path export;
  Path config;
  Instant now;
  boolean help;
  boolean version;
  boolean debug;
  boolean aws;
  String profile;
  URI endpoint;
  LastUsedMode lastUsed = LastUsedMode.AUTO;
  Double requestsPerSecond;
  final List<String> roleArns = new ArrayList<>();
  // External id per role ARN, by position; null when none was given.
  final List<String> externalIds = new ArrayList<>();
  final List<String> commands = new ArrayList<>();
  private final List<String> awsOnly = new ArrayList<>();

  /** One access per role ARN (on the profile's or the default credentials), else the base credentials alone. */
  AwsSession awsSession() {
    AwsAccess base = profile == null ? AwsAccess.defaultCredentials() : AwsAccess.profile(profile);
    AwsSession.Builder b = AwsSession.builder();
    if (roleArns.isEmpty()) {
      b.access(base);
    }
    for (int i = 0; i < roleArns.size(); i++) {
      b.access(base.assumeRole(roleArns.get(i), externalIds.get(i)));
    }
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    if (requestsPerSecond != null) {
      b.requestsPerSecond(requestsPerSecond);
    }
    return b.build();
  }

  static ShellOptions parse(String[] args) throws UsageException {
    ShellOptions o = new ShellOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        o.help = true;
        continue;
      }
      if (a.equals("--version") || a.equals("-V")) {
        o.version = true;
        continue;
      }
      if (a.equals("--debug")) {
        o.debug = true;
        continue;
      }
      if (a.equals("--aws")) {
        o.aws = true;
        continue;
      }
      if (!VALUED.contains(a)) {
        List<String> all = new ArrayList<>(VALUED);
        all.addAll(FLAGS);
        throw new UsageException("unknown option '" + Messages.escape(a) + "'" + Suggestions.didYouMean(a, all));
      }
      if (i + 1 >= args.length) {
        throw new UsageException("option " + a + " needs a value");
      }
      String value = args[++i];
      switch (a) {
        case "--fixture" -> o.fixture = Path.of(value);
        case "--state" -> o.state = Path.of(value);
        case "--export" -> o.export = Path.of(value);
        case "--config" -> o.config = Path.of(value);
        case "-c" -> o.commands.add(value);
        case "--profile" -> o.profile = o.awsOption(a, value);
        case "--role-arn" -> {
          o.awsOption(a, value);
          if (!value.matches("arn:aws[\\w-]*:iam::\\d{12}:role/.+")) {
            throw new UsageException(
                "--role-arn expects a role ARN such as arn:aws:iam::111111111111:role/inventory, got '" + value + "'");
          }
          o.roleArns.add(value);
          o.externalIds.add(null);
        }
        case "--external-id" -> {
          o.awsOption(a, value);
          if (o.roleArns.isEmpty()) {
            throw new UsageException("--external-id belongs to a role: give --role-arn ARN before it");
          }
          if (o.externalIds.get(o.externalIds.size() - 1) != null) {
            throw new UsageException("--external-id given twice for " + o.roleArns.get(o.roleArns.size() - 1));
          }
          o.externalIds.set(o.externalIds.size() - 1, value);
        }
        case "--endpoint-url" -> {
          o.awsOption(a, value);
          try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
              throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            o.endpoint = uri;
          } catch (URISyntaxException e) {
            throw new UsageException("--endpoint-url expects an http(s) URL such as http://127.0.0.1:4566, got '" + value + "'");
          }
        }
        case "--last-used" -> {
          o.awsOption(a, value);
          try {
            o.lastUsed = LastUsedMode.parse(value);
          } catch (IllegalArgumentException e) {
            throw new UsageException("--last-used: " + e.getMessage());
          }
        }
        case "--requests-per-second" -> {
          o.awsOption(a, value);
          try {
            o.requestsPerSecond = Double.valueOf(value);
          } catch (NumberFormatException e) {
            o.requestsPerSecond = null;
          }
          if (o.requestsPerSecond == null || o.requestsPerSecond.isNaN() || o.requestsPerSecond < 0) {
            throw new UsageException("--requests-per-second expects a number >= 0 (0 = no limit), got '" + value + "'");
          }
        }
        default -> {
          try {
            o.now = Instant.parse(value);
          } catch (DateTimeParseException e) {
            throw new UsageException(
                "--now expects an ISO-8601 instant such as 2026-05-01T00:00:00Z, got '" + value + "'");
          }
        }
      }
    }
    if (!o.aws && !o.awsOnly.isEmpty()) {
      throw new UsageException(o.awsOnly.get(0) + " needs --aws");
    }
    if (o.aws && o.fixture != null) {
      throw new UsageException("--aws and --fixture exclude each other: collect from AWS or load a fixture");
    }
    return o;
  }

  private String awsOption(String option, String value) {
    awsOnly.add(option);
    return value;
  }
}
