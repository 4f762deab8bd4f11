package dev.inventory.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Laws of {@link CronExpression#next}, checked by brute force against {@link CronExpression#matches}. */
class CronExpressionPropertiesTest {

  /** Zones with an hour-long change each way, and Lord Howe whose change is half an hour. */
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"));

  /** Instants near daylight saving changes, so that generated starts often straddle one. */
  private static final List<Instant> CHANGES = List.of(Instant.parse("2024-03-31T01:00:00Z"),
      Instant.parse("2024-10-27T01:00:00Z"), Instant.parse("2024-03-10T07:00:00Z"),
      Instant.parse("2024-11-03T06:00:00Z"), Instant.parse("2024-04-06T15:00:00Z"),
      Instant.parse("2024-10-05T15:30:00Z"));

  /** Minutes checked one by one after the start; expressions are generated to fire within it mostly. */
  private static final int WINDOW_MINUTES = 3 * 24 * 60;

  @Test
  void should_find_the_first_matching_minute_strictly_after_the_start() {
    qt().withExamples(250).forAll(longs().all()).checkAssert(seed -> {
      // GIVEN a random valid expression and a random start, often near a daylight saving change
      Random random = new Random(seed);
      String text = String.join(" ", field(random, 0, 59), field(random, 0, 23), dayOfMonth(random),
          month(random), dayOfWeek(random));
      CronExpression cron = CronExpression.parse(text);
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      Instant base = random.nextBoolean() ? CHANGES.get(random.nextInt(CHANGES.size()))
          : Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(3 * 365 * 86400));
      ZonedDateTime start = base.plusSeconds(random.nextInt(6 * 3600) - 3 * 3600).atZone(zone);

      // WHEN the next firing is computed
      Optional<ZonedDateTime> next = cron.next(start);

      // THEN it is strictly after the start (in a later minute), it matches, and no minute before it does
      String about = "\"" + text + "\" after " + start;
      next.ifPresent(n -> {
        assertThat(n.toInstant()).as(about).isAfter(start.toInstant());
        assertThat(n.toInstant()).as(about).isAfterOrEqualTo(start.truncatedTo(ChronoUnit.MINUTES).toInstant().plusSeconds(60));
        assertThat(n.getSecond()).as(about).isZero();
        assertThat(n.getZone()).as(about).isEqualTo(zone);
        assertThat(cron.matches(n)).as(about + " matches " + n).isTrue();
      });
      Instant first = start.truncatedTo(ChronoUnit.MINUTES).toInstant().plusSeconds(60);
      for (int i = 0; i < WINDOW_MINUTES; i++) {
        Instant minute = first.plusSeconds(60L * i);
        if (next.isPresent() && !minute.isBefore(next.get().toInstant())) {
          break;
        }
        assertThat(cron.matches(minute.atZone(zone))).as(about + " skipped " + minute.atZone(zone)).isFalse();
      }
    });
  }

  @Test
  void should_parse_the_printed_text_back_to_an_equal_expression() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      // GIVEN a random valid expression
      Random random = new Random(seed);
      String text = String.join(" ", field(random, 0, 59), field(random, 0, 23), dayOfMonth(random),
          month(random), dayOfWeek(random));

      // WHEN parsed, printed and parsed again
      CronExpression once = CronExpression.parse(text);
      CronExpression twice = CronExpression.parse(once.toString());

      // THEN the text is kept and the two are equal
      assertThat(once).hasToString(text);
      assertThat(twice).isEqualTo(once).hasSameHashCodeAs(once);
    });
  }

  /** A numeric field in any syntax form, favouring forms that fire often. */
  private static String field(Random random, int min, int max) {
    int a = min + random.nextInt(max - min + 1);
    int b = a + random.nextInt(max - a + 1);
    int step = 1 + random.nextInt(Math.max(1, (max - min) / 3));
    return switch (random.nextInt(7)) {
      case 0, 1 -> "*";
      case 2 -> "*/" + step;
      case 3 -> a + "-" + b;
      case 4 -> a + "-" + b + "/" + step;
      case 5 -> a + "/" + step;
      default -> a + "," + b + "," + (min + random.nextInt(max - min + 1));
    };
  }

  private static String dayOfMonth(Random random) {
    return random.nextInt(3) == 0 ? field(random, 1, 31) : "*";
  }

  private static String month(Random random) {
    return random.nextInt(4) == 0 ? field(random, 1, 12) : "*";
  }

  private static String dayOfWeek(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> "MON-FRI";
      case 1 -> field(random, 0, 7);
      case 2 -> "sat,Sun";
      default -> "*";
    };
  }
}
