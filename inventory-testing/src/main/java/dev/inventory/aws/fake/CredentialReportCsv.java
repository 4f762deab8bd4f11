package dev.inventory.aws.fake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an account's credential report as IAM does: 22 columns, the root row first, dates with
 * {@code +00:00}, {@code N/A}, {@code no_information} and {@code not_supported} sentinels, key
 * slots in creation order.
 */
final class CredentialReportCsv {
  /** The header line, without line end. */
  static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
      + "password_last_changed,password_next_rotation,mfa_active,"
      + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
      + "access_key_1_last_used_region,access_key_1_last_used_service,"
      + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
      + "access_key_2_last_used_region,access_key_2_last_used_service,"
      + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

  private static final String NA = "N/A";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
      .withZone(ZoneOffset.UTC);

  private CredentialReportCsv() {}

  /** The CSV (lines end with {@code \n}); call with the account locked for a consistent snapshot. */
  static String write(FakeAccount account) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    FakeRoot root = account.root();
    List<String> row = new ArrayList<>();
    row.add("<root_account>");
    row.add(root.arn());
    row.add(date(root.created()));
    row.add("not_supported");
    row.add(root.passwordLastUsed().map(CredentialReportCsv::date)
        .orElse(root.passwordEnabled() ? "no_information" : NA));
    row.add("not_supported");
    row.add("not_supported");
    row.add(bool(root.mfaActive()));
    keys(row, root.keys());
    line(sb, row);
    for (FakeUser u : account.users()) {
      row.clear();
      row.add(u.name());
      row.add(u.arn());
      row.add(date(u.created()));
      boolean password = u.passwordEnabled();
      row.add(bool(password));
      row.add(!password ? NA : u.passwordLastUsed().map(CredentialReportCsv::date).orElse("no_information"));
      row.add(password ? date(u.created()) : NA);
      row.add(NA);
      row.add(bool(u.mfaActive()));
      keys(row, u.keys());
      line(sb, row);
    }
    return sb.toString();
  }

  private static void keys(List<String> row, List<FakeKey> keys) {
    for (int slot = 0; slot < 2; slot++) {
      if (slot < keys.size()) {
        FakeKey k = keys.get(slot);
        row.add(bool(k.active()));
        // No creation time for a key whose use is unknown: the report must not place it in a slot.
        row.add(k.useUnknown() ? NA : date(k.created()));
        row.add(k.lastUsed().map(CredentialReportCsv::date).orElse(NA));
        row.add(k.lastUsedRegion());
        row.add(k.lastUsedService());
      } else {
        row.addAll(List.of("false", NA, NA, NA, NA));
      }
    }
    row.addAll(List.of("false", NA, "false", NA));
  }

  private static void line(StringBuilder sb, List<String> row) {
    sb.append(String.join(",", row)).append('\n');
  }

  private static String bool(boolean b) {
    return Boolean.toString(b);
  }

  static String date(Instant t) {
    return DATE.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
