package dev.inventory.query;

import static dev.inventory.query.EngineFixtures.ids;
import static dev.inventory.query.EngineFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per rule of the query language on nulls and synthetic times. In {@link EngineFixtures#small()}
 * node c has no name and no times, a has {@code owner: null}; a was last accessed 100 days ago and
 * created 400 days ago, b 10 and 20 days ago; only a has an mtime (2 days ago).
 */
class NullAndTimeRulesTest {
  private final Inventory inv = small();

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(delimiter = '|', value = {
      // == null matches missing or null; != null present and non-null
      "name == null             | c",
      "owner == null            | a,b,c,d",
      "name != null             | a,b,d",
      "owner != null            | ''",
      // ordering, regex, in and not in never match a missing value
      "name < zzz               | a,b,d",
      "name <= zzz              | a,b,d",
      "name > A                 | a,b,d",
      "name >= A                | a,b,d",
      "name =~ \".*\"           | a,b,d",
      "name ~ \"\"              | a,b,d",
      "name in [alice, bob]     | a,b",
      "name not in [alice, bob] | d",
      // != and !~ are the exact negations of == and =~, so they do match a missing value
      "name != alice            | b,c,d",
      "name !~ \"^a\"           | b,c,d",
      // a null literal is no value to order by
      "name > null              | ''",
      "name in [null]           | ''",
  })
  void should_follow_the_null_rules(String query, String expected) {
    assertThat(ids(inv, query)).containsExactlyElementsOf(list(expected));
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(delimiter = '|', value = {
      // last_access > 90days: atime known and atime < now - 90 days (operators mirrored)
      "last_access > 90days                      | a",
      "last_access >= 100days                    | a",
      "last_access > 100days                     | ''",
      "last_access < 90days                      | b",
      "last_access <= 10d                        | b",
      "last_access < 10d                         | ''",
      // a node without atime matches neither > nor <
      "is(access_key) and last_access > 0s       | ''",
      "is(access_key) and last_access < 100yr    | ''",
      "last_access == null                       | c,d",
      "last_access != null                       | a,b",
      // equality is with the exact instant now - duration
      "last_access == 10d                        | b",
      "last_access in [1d, 100d]                 | a",
      "last_access not in [1d, 100d]             | b",
      // a datetime compares the underlying time, mirrored: atime before the date
      "last_access > 2025-11-01T00:00:00Z        | a",
      "last_access < 2025-11-01T00:00:00Z        | b",
      "last_access > \"2025-11-01\"              | a",
      "last_access > \"90days\"                  | a",
      // age from ctime, last_update from mtime
      "age > 1yr                                 | a",
      "age < 30d                                 | b",
      "age == null                               | c,d",
      "last_update < 3d                          | a",
      "last_update > 3d                          | ''",
      "last_update == null                       | b,c,d",
      // regex on the rendered duration
      "age =~ \"^1yr\"                           | a",
      // literals that are no time never match
      "age > 5                                   | ''",
      "age > abc                                 | ''",
  })
  void should_follow_the_synthetic_time_rules(String query, String expected) {
    assertThat(ids(inv, query)).containsExactlyElementsOf(list(expected));
  }

  private static List<String> list(String csv) {
    return csv.isEmpty() ? List.of() : List.of(csv.split(","));
  }
}
