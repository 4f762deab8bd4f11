package dev.inventory.aws.internal;

import dev.inventory.AccessKeyStatus;
import dev.inventory.Edge;
import dev.inventory.EdgeType;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.aws.AwsAccount;
import dev.inventory.aws.AwsAccountClients;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsIamUser;
import dev.inventory.aws.AwsRegion;
import dev.inventory.aws.AwsRootUser;
import dev.inventory.aws.LastUsedMode;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.SourceError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Collects the IAM users, access keys and root user of one account: STS for the
 * account id, the alias, every page of {@code ListUsers}, per user {@code ListUserTags} and {@code
 * ListAccessKeys} (always with {@code UserName}), then the last use of every key from the
 * credential report or per key, on a pool of {@code concurrency} threads. Every call goes through
 * {@link AwsAccountClients#call}, so the account's rate limit and retries apply.
 */
public final class AccountCollector {
  private static final Logger LOG = LoggerFactory.getLogger(AccountCollector.class);

  /** Roughly what the credential report costs in calls (generate, poll, get). */
  public static final int REPORT_COST = 3;
  private static final int MAX_PAGES = 100_000;

  /** What an {@code IamCollector} was configured with. */
  public record Settings(LastUsedMode mode, int concurrency, boolean userTags, boolean rootUser,
      CredentialReportFetcher.Polling polling) {
    public Settings {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(polling, "polling");
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency is at least 1, got " + concurrency);
      }
    }
  }

  /**
   * What one account gave: its nodes and edges (below the cloud node), and its errors.
   *
   * @param accountId the account, when STS told it
   * @param nodes empty when the account failed as a whole
   * @param mode how last use was read: {@code per-key}, {@code credential-report}, or empty when the account failed
   */
  public record Result(Optional<String> accountId, List<Resource> nodes, List<Edge> edges,
      List<SourceError> errors, Optional<LastUsedMode> mode) {
    public Result {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
      errors = List.copyOf(errors);
    }

    /** Whether the account's resources were collected (possibly with errors for some of them). */
    public boolean collected() {
      return !nodes.isEmpty();
    }
  }

  /** One user with what was listed for it; {@code keys} is null when {@code ListAccessKeys} failed. */
  private record UserData(User user, Map<String, String> tags, List<AccessKeyMetadata> keys) {}

  private static final LastUse GONE = LastUse.usedAt(java.time.Instant.EPOCH);

  private final AwsAccountClients clients;
  private final Settings settings;
  private final CollectContext context;
  private final ErrorTally tally = new ErrorTally();
  private final List<SourceError> errors = new ArrayList<>();
  private volatile String source;

  public AccountCollector(AwsAccountClients clients, Settings settings, CollectContext context) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.context = Objects.requireNonNull(context, "context");
    this.source = "aws:" + clients.access().label();
  }

  /** The progress and error source: {@code aws:<account>} once known, {@code aws:<access label>} before. */
  public String source() {
    return source;
  }

  /**
   * Collects the account. Failures of STS or {@code ListUsers} fail the account (an empty result
   * with the error); failures of single calls leave values unknown and are counted in the errors.
   *
   * @throws CancellationException when the thread is interrupted
   */
  public Result collect() {
    String accountId;
    try {
      accountId = clients.accountId();
    } catch (SdkException e) {
      return failed(Optional.empty(), "GetCallerIdentity", e);
    }
    source = "aws:" + accountId;
    context.progress(source, "collecting IAM (" + clients.access().label() + ")");
    Optional<String> alias = alias();
    List<User> users;
    try {
      users = listUsers();
    } catch (SdkException e) {
      return failed(Optional.of(accountId), "ListUsers", e);
    }
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), threads(accountId));
    try {
      return collect(accountId, alias, users, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  private Result collect(String accountId, Optional<String> alias, List<User> users, ExecutorService pool) {
    CompletableFuture<CredentialReportFetcher.Fetched> report = null;
    if (settings.mode() == LastUsedMode.CREDENTIAL_REPORT || settings.rootUser()) {
      report = fetchReport(pool); // generation overlaps with listing the users
    }
    List<UserData> described = describeUsers(users, pool);
    int keyCount = described.stream().mapToInt(d -> d.keys() == null ? 0 : d.keys().size()).sum();
    boolean useReport = switch (settings.mode()) {
      case PER_KEY -> false;
      case CREDENTIAL_REPORT -> true;
      case AUTO -> report != null || keyCount > REPORT_COST;
    };
    if (useReport && report == null) {
      report = fetchReport(pool);
    }
    CredentialReport fetched = report == null ? null : reportOrNull(report);
    LastUsedMode used = useReport && fetched != null ? LastUsedMode.CREDENTIAL_REPORT : LastUsedMode.PER_KEY;
    context.progress(source, "last use: " + used.cliName() + " (mode " + settings.mode().cliName() + ", "
        + keyCount + " keys" + (useReport && fetched == null ? ", credential report failed" : "") + ")");
    Map<String, LastUse> lastUse = lastUse(described, keyCount, useReport ? fetched : null, pool);
    return build(accountId, alias, described, fetched, lastUse, used);
  }

  // ---- account, users, keys -------------------------------------------------------------------

  private Optional<String> alias() {
    try {
      return clients.call("ListAccountAliases", () -> clients.iam().listAccountAliases())
          .accountAliases().stream().findFirst();
    } catch (SdkException e) {
      tally.add("ListAccountAliases", AwsErrors.code(e), AwsErrors.message(e), "account", source);
      return Optional.empty();
    }
  }

  private List<User> listUsers() {
    List<User> out = new ArrayList<>();
    pages("ListUsers",
        marker -> clients.iam().listUsers(r -> r.marker(marker)),
        (ListUsersResponse r) -> {
          out.addAll(r.users());
          return Boolean.TRUE.equals(r.isTruncated()) ? r.marker() : null;
        });
    context.progress(source, "users listed", out.size(), out.size());
    return out;
  }

  private List<UserData> describeUsers(List<User> users, ExecutorService pool) {
    ProgressMeter meter = new ProgressMeter(users.size(), (d, t) -> context.progress(source, "users", d, t));
    meter.start();
    List<Future<UserData>> futures = new ArrayList<>();
    for (User u : users) {
      futures.add(pool.submit(() -> {
        UserData d = describe(u);
        meter.advance();
        return d;
      }));
    }
    List<UserData> out = new ArrayList<>();
    for (Future<UserData> f : futures) {
      UserData d = await(f);
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  /** Tags and keys of one user; null when the user was deleted meanwhile. */
  private UserData describe(User u) {
    String name = u.userName();
    Map<String, String> tags = new LinkedHashMap<>();
    if (settings.userTags()) {
      try {
        pages("ListUserTags", marker -> clients.iam().listUserTags(r -> r.userName(name).marker(marker)),
            (ListUserTagsResponse r) -> {
              for (Tag t : r.tags()) {
                tags.put(t.key(), t.value());
              }
              return Boolean.TRUE.equals(r.isTruncated()) ? r.marker() : null;
            });
      } catch (SdkException e) {
        if (AwsErrors.isNoSuchEntity(e)) {
          return null;
        }
        tally.add("ListUserTags", AwsErrors.code(e), AwsErrors.message(e), "user", name);
      }
    }
    List<AccessKeyMetadata> keys = new ArrayList<>();
    try {
      // Always with UserName: without it IAM lists the caller's own keys.
      pages("ListAccessKeys", marker -> clients.iam().listAccessKeys(r -> r.userName(name).marker(marker)),
          (ListAccessKeysResponse r) -> {
            keys.addAll(r.accessKeyMetadata());
            return Boolean.TRUE.equals(r.isTruncated()) ? r.marker() : null;
          });
    } catch (SdkException e) {
      if (AwsErrors.isNoSuchEntity(e)) {
        return null;
      }
      tally.add("ListAccessKeys", AwsErrors.code(e), AwsErrors.message(e), "user", name);
      return new UserData(u, tags, null);
    }
    return new UserData(u, tags, keys);
  }

  /**
   * Calls a paginated action until the page says it is the last; {@code page} consumes a response
   * and returns the next marker or null. A truncated page without a marker ends the loop (the SDK
   * would start over forever).
   */
  private <R> void pages(String action, Function<String, R> call, Function<R, String> page) {
    String marker = null;
    for (int i = 0; i < MAX_PAGES; i++) {
      String m = marker;
      R response = clients.call(action, () -> call.apply(m));
      marker = page.apply(response);
      if (marker == null) {
        return;
      }
    }
    throw new IllegalStateException(action + " returned more than " + MAX_PAGES + " pages in " + source);
  }

  // ---- last use ---------------------------------------------------------------------------------

  private CompletableFuture<CredentialReportFetcher.Fetched> fetchReport(ExecutorService pool) {
    CredentialReportFetcher fetcher = new CredentialReportFetcher(settings.polling());
    return CompletableFuture.supplyAsync(() -> fetcher.fetch(clients,
        state -> context.progress(source, "credential report " + state)), pool);
  }

  /** The report, or null after recording why it could not be had. */
  private CredentialReport reportOrNull(CompletableFuture<CredentialReportFetcher.Fetched> report) {
    try {
      CredentialReportFetcher.Fetched f = report.join();
      return f.report();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CredentialReportFetcher.Failure f) {
        String message = "credential report unavailable, last use read per key: " + f.getMessage();
        errors.add(new SourceError(source, f.code(), message));
        context.progress(source, "error: " + f.code() + ": " + message);
        return null;
      }
      if (cause instanceof SdkException s) {
        errors.add(new SourceError(source, AwsErrors.code(s),
            "credential report unavailable, last use read per key: " + AwsErrors.message(s)));
        return null;
      }
      throw rethrow(cause);
    }
  }

  private Map<String, LastUse> lastUse(List<UserData> users, int keyCount, CredentialReport report, ExecutorService pool) {
    ProgressMeter meter = new ProgressMeter(keyCount, (d, t) -> context.progress(source, "access keys", d, t));
    meter.start();
    Map<String, LastUse> out = new LinkedHashMap<>();
    List<AccessKeyMetadata> perKey = new ArrayList<>();
    for (UserData u : users) {
      if (u.keys() == null) {
        continue;
      }
      Map<String, LastUse> placed = report == null ? Map.of()
          : report.match(u.user().userName(), u.keys().stream()
              .map(k -> new CredentialReport.KeyRef(k.accessKeyId(), k.createDate())).toList());
      for (AccessKeyMetadata k : u.keys()) {
        LastUse l = placed.get(k.accessKeyId());
        if (l == null) {
          perKey.add(k);
        } else {
          out.put(k.accessKeyId(), l);
          meter.advance();
        }
      }
    }
    if (report != null && !perKey.isEmpty()) {
      context.progress(source, perKey.size() + " keys not placed by the credential report, read per key");
    }
    List<Future<LastUse>> futures = new ArrayList<>();
    for (AccessKeyMetadata k : perKey) {
      futures.add(pool.submit(() -> {
        LastUse l = readLastUse(k);
        meter.advance();
        return l;
      }));
    }
    for (int i = 0; i < perKey.size(); i++) {
      out.put(perKey.get(i).accessKeyId(), await(futures.get(i)));
    }
    return out;
  }

  private LastUse readLastUse(AccessKeyMetadata k) {
    try {
      GetAccessKeyLastUsedResponse r = clients.call("GetAccessKeyLastUsed",
          () -> clients.iam().getAccessKeyLastUsed(b -> b.accessKeyId(k.accessKeyId())));
      return toLastUse(r.accessKeyLastUsed());
    } catch (SdkException e) {
      if (AwsErrors.isNoSuchEntity(e)) {
        return GONE;
      }
      tally.add("GetAccessKeyLastUsed", AwsErrors.code(e), AwsErrors.message(e), "key", k.accessKeyId());
      return LastUse.unknown();
    }
  }

  /** No date means never used (AWS then says {@code N/A} for service and region). */
  static LastUse toLastUse(AccessKeyLastUsed l) {
    if (l == null || l.lastUsedDate() == null) {
      return LastUse.never();
    }
    return new LastUse.Used(l.lastUsedDate(), notNa(l.serviceName()), notNa(l.region()));
  }

  private static Optional<String> notNa(String s) {
    return Optional.ofNullable(s).filter(Predicate.not(String::isEmpty)).filter(v -> !v.equals("N/A"));
  }

  // ---- the graph --------------------------------------------------------------------------------

  private Result build(String accountId, Optional<String> alias, List<UserData> users, CredentialReport report,
      Map<String, LastUse> lastUse, LastUsedMode used) {
    List<Resource> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    String regionId = accountId + "/global";
    nodes.add(AwsAccount.builder(accountId).name(alias.orElse(accountId)).build());
    nodes.add(AwsRegion.builder(regionId).name("global").build());
    edges.add(new Edge(accountId, regionId, EdgeType.DEFAULT));
    for (UserData d : users) {
      User u = d.user();
      Optional<CredentialReport.Row> row = report == null ? Optional.empty() : report.user(u.userName());
      AwsIamUser user = AwsIamUser.builder(u.userId())
          .name(u.userName())
          .arn(u.arn())
          .path(u.path())
          .ctime(u.createDate())
          .atime(u.passwordLastUsed())
          .passwordEnabled(row.flatMap(CredentialReport.Row::passwordEnabled).orElse(null))
          .mfaActive(row.flatMap(CredentialReport.Row::mfaActive).orElse(null))
          .tags(d.tags())
          .build();
      List<AwsIamAccessKey> keys = new ArrayList<>();
      for (AccessKeyMetadata k : d.keys() == null ? List.<AccessKeyMetadata>of() : d.keys()) {
        LastUse l = lastUse.getOrDefault(k.accessKeyId(), LastUse.unknown());
        if (l == GONE) {
          LOG.debug("{}: access key {} of {} was deleted during the collect", source, k.accessKeyId(), u.userName());
          continue;
        }
        keys.add(AwsIamAccessKey.builder(k.accessKeyId(), u.userName())
            .status(AccessKeyStatus.fromLabel(k.statusAsString()).orElse(null))
            .ctime(k.createDate())
            .lastUse(l)
            .build());
      }
      addOwner(nodes, edges, regionId, user, keys);
    }
    if (settings.rootUser() && report != null) {
      report.root().ifPresent(r -> addRoot(nodes, edges, regionId, accountId, r));
    }
    errors.addAll(tally.errors(source));
    context.progress(source, "done: " + users.size() + " users, " + lastUse.size() + " access keys"
        + (errors.isEmpty() ? "" : ", " + errors.size() + " errors"));
    return new Result(Optional.of(accountId), nodes, edges, errors, Optional.of(used));
  }

  /**
   * The root user from its report row. The report gives root keys no id, so each gets the stable
   * id {@code <account>:root:access_key_<slot>}; a slot counts as a key when it is active or has a
   * creation time.
   */
  private static void addRoot(List<Resource> nodes, List<Edge> edges, String regionId, String accountId,
      CredentialReport.Row r) {
    AwsRootUser root = AwsRootUser.forAccount(accountId)
        .ctime(r.userCreationTime().orElse(null))
        .atime(r.passwordLastUsed().orElse(null))
        .passwordEnabled(r.passwordEnabled().orElse(null))
        .mfaActive(r.mfaActive().orElse(null))
        .build();
    List<AwsIamAccessKey> keys = new ArrayList<>();
    for (CredentialReport.KeySlot s : r.keys()) {
      if (!s.occupied()) {
        continue;
      }
      keys.add(AwsIamAccessKey.builder(rootKeyId(accountId, s.slot()), AwsRootUser.NAME)
          .status(s.active() ? AccessKeyStatus.ACTIVE : AccessKeyStatus.INACTIVE)
          .ctime(s.lastRotated().orElse(null))
          .lastUse(s.lastUse())
          .build());
    }
    addOwner(nodes, edges, regionId, root, keys);
  }

  /** The node id of a root access key: {@code <account>:root:access_key_<slot>}. */
  public static String rootKeyId(String accountId, int slot) {
    return accountId + ":root:access_key_" + slot;
  }

  private static void addOwner(List<Resource> nodes, List<Edge> edges, String regionId, Resource owner,
      List<AwsIamAccessKey> keys) {
    nodes.add(owner);
    edges.add(new Edge(regionId, owner.id(), EdgeType.DEFAULT));
    for (AwsIamAccessKey k : keys) {
      nodes.add(k);
      edges.add(new Edge(owner.id(), k.id(), EdgeType.DEFAULT));
      // IAM refuses to delete a user that still has keys: the keys go first.
      edges.add(new Edge(owner.id(), k.id(), EdgeType.DELETE));
    }
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  private Result failed(Optional<String> accountId, String action, SdkException e) {
    String code = AwsErrors.code(e);
    String message = action + " failed: " + AwsErrors.message(e);
    errors.add(new SourceError(source, code, message));
    context.progress(source, "error: " + code + ": " + message);
    return new Result(accountId, List.of(), List.of(), errors, Optional.empty());
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while collecting IAM");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(t);
  }

  private static ThreadFactory threads(String accountId) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "iam-collect-" + accountId + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
