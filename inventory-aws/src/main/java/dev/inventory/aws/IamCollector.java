package dev.inventory.aws;

import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.KindRegistry;
import dev.inventory.Resource;
import dev.inventory.aws.internal.AccountCollector;
import dev.inventory.aws.internal.CredentialReportFetcher;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import dev.inventory.collect.SourceError;
import dev.inventory.spi.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects IAM users, their access keys and the root user of every account of an {@link
 * AwsSession}, in the graph shape of {@link Fixtures}: the cloud node {@code aws} -&gt;
 * {@link AwsAccount} (named by its alias, else its id) -&gt; {@link AwsRegion} {@code
 * <account>/global} -&gt; {@link AwsIamUser}s and the {@link AwsRootUser} -&gt; {@link
 * AwsIamAccessKey}s, plus {@code user -delete-> key}.
 *
 * <pre>{@code
 * try (AwsSession aws = AwsSession.builder().access(AwsAccess.profile("prod")).build()) {
 *   Collector collector = IamCollector.builder(aws)
 *       .lastUsed(LastUsedMode.AUTO)      // the credential report when it saves calls
 *       .concurrency(8)                   // calls in flight per account
 *       .build();
 *   CollectResult result = collector.collect(CollectContext.of(Clock.systemUTC(), p -> log.info("{}", p)));
 *   result.errors().forEach(e -> log.warn("{}", e));   // e.g. aws:222222222222: AccessDenied: ListUsers failed: ...
 * }
 * }</pre>
 *
 * <p>Per account: STS {@code GetCallerIdentity}, {@code ListAccountAliases}, every page of {@code
 * ListUsers}, per user {@code ListUserTags} and {@code ListAccessKeys} (always with {@code
 * UserName}), then the last use of each key from {@code GetAccessKeyLastUsed} or the credential
 * report (see {@link LastUsedMode}). Every call goes through the session's rate limit and retries,
 * so throttling slows a collect down rather than failing it.
 *
 * <p>Last use: a key the source calls never used is {@code never}; a key whose source failed is
 * {@code unknown} (never stale, never cleaned), with a {@link SourceError} per account and error
 * code. An account whose STS or {@code ListUsers} call fails is left out, with its error; the other
 * accounts are still collected, and a run where all fail still returns the cloud node and the errors.
 * A credential report that fails or does not come in time makes that account read last use per key.
 *
 * <p>The root user and its keys come from the credential report ({@link Builder#rootUser}): the
 * report gives root keys no AccessKeyId, so their node id is {@code <account>:root:access_key_<slot>}
 * (slot 1 or 2) and their name {@code root}. The report says {@code not_supported} for the root's
 * {@code password_enabled}, which then stays absent. IAM users get {@code password_enabled} and
 * {@code mfa_active} only when the report was fetched.
 *
 * <p>Progress events (source {@code aws:<account>}): users and access keys done/total (every 5% or
 * 2 seconds and at the end), the credential report's state, the last-use mode chosen, errors.
 */
public final class IamCollector implements Collector {
  /** Calls in flight per account, by default. */
  public static final int DEFAULT_CONCURRENCY = 8;
  /** Accounts collected at once, by default. */
  public static final int DEFAULT_ACCOUNT_CONCURRENCY = 4;

  private final AwsSession session;
  private final AccountCollector.Settings settings;
  private final int accountConcurrency;

  private IamCollector(Builder b) {
    this.session = b.session;
    this.settings = new AccountCollector.Settings(b.mode, b.concurrency, b.userTags, b.rootUser,
        new CredentialReportFetcher.Polling(b.pollInitial, b.pollMax, b.giveUpAfter));
    this.accountConcurrency = b.accountConcurrency;
  }

  /**
   * A builder for a collector over the accounts of {@code session}.
   *
   * @param session the accounts to collect and their clients
   * @return a builder for the collector
   */
  public static Builder builder(AwsSession session) {
    return new Builder(session);
  }

  /**
   * Collects every account of the session.
   *
   * @throws CancellationException when the calling thread is interrupted
   */
  @Override
  public CollectResult collect(CollectContext context) {
    Objects.requireNonNull(context, "context");
    List<AwsAccountClients> accounts = session.accounts();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(accountConcurrency, accounts.size()), r -> {
      Thread t = new Thread(r, "iam-collect-account-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    List<AccountCollector> collectors = new ArrayList<>();
    List<Future<AccountCollector.Result>> futures = new ArrayList<>();
    try {
      for (AwsAccountClients a : accounts) {
        AccountCollector c = new AccountCollector(a, settings, context);
        collectors.add(c);
        futures.add(pool.submit(c::collect));
      }
      Inventory.Builder inv = Inventory.builder(KindRegistry.standard());
      inv.add(GenericResource.builder(CLOUD_ID, "cloud").name(CLOUD_ID).build());
      List<SourceError> errors = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < futures.size(); i++) {
        AccountCollector.Result r = result(collectors.get(i), futures.get(i), errors);
        if (r == null) {
          continue;
        }
        errors.addAll(r.errors());
        if (!r.collected()) {
          continue;
        }
        String id = r.accountId().orElseThrow();
        if (!seen.add(id)) {
          errors.add(new SourceError("aws:" + id, "DuplicateAccount", "account " + id + " is reached by more than one"
              + " access of the session (again by " + accounts.get(i).access().label() + "); it was collected once"));
          continue;
        }
        for (Resource node : r.nodes()) {
          inv.add(node);
        }
        inv.edge(CLOUD_ID, id);
        r.edges().forEach(inv::edge);
      }
      return new CollectResult(inv.build(), errors);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The account's result, or null after recording an unexpected failure as its error. */
  private static AccountCollector.Result result(AccountCollector c, Future<AccountCollector.Result> f,
      List<SourceError> errors) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while collecting IAM");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CancellationException ce) {
        throw ce;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      // One account's bug or surprise must not cost the others their collect.
      errors.add(new SourceError(c.source(), cause.getClass().getSimpleName(),
          "collecting the account failed: " + cause.getMessage()));
      return null;
    }
  }

  private static final String CLOUD_ID = "aws";

  @Override
  public String toString() {
    return "IamCollector[" + session.accounts().size() + " accounts, last use " + settings.mode().cliName() + "]";
  }

  /** Builds an {@link IamCollector}; every setting has a default. */
  public static final class Builder {
    private final AwsSession session;
    private LastUsedMode mode = LastUsedMode.AUTO;
    private int concurrency = DEFAULT_CONCURRENCY;
    private int accountConcurrency = DEFAULT_ACCOUNT_CONCURRENCY;
    private boolean userTags = true;
    private boolean rootUser = true;
    private Duration pollInitial = Duration.ofSeconds(2);
    private Duration pollMax = Duration.ofSeconds(30);
    private Duration giveUpAfter = Duration.ofMinutes(10);

    private Builder(AwsSession session) {
      this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Where last use comes from ({@link LastUsedMode#AUTO} by default).
     *
     * @param mode where each key's last use is read from
     * @return this builder
     */
    public Builder lastUsed(LastUsedMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Calls in flight per account ({@value #DEFAULT_CONCURRENCY} by default); the session's rate
     * limit still applies.
     *
     * @param concurrency calls in flight per account, at least 1
     * @return this builder
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency is at least 1, got " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Accounts collected at once ({@value #DEFAULT_ACCOUNT_CONCURRENCY} by default).
     *
     * @param accounts accounts collected at once, at least 1
     * @return this builder
     */
    public Builder accountConcurrency(int accounts) {
      if (accounts < 1) {
        throw new IllegalArgumentException("accountConcurrency is at least 1, got " + accounts);
      }
      this.accountConcurrency = accounts;
      return this;
    }

    /**
     * Whether to read each user's tags with {@code ListUserTags} (true by default; one call per
     * user).
     *
     * @param read whether to call {@code ListUserTags}
     * @return this builder
     */
    public Builder userTags(boolean read) {
      this.userTags = read;
      return this;
    }

    /**
     * Whether to collect the root user and its keys (true by default). They come from the
     * credential report, which is then fetched even with {@link LastUsedMode#PER_KEY}.
     *
     * @param collect whether to collect the root user
     * @return this builder
     */
    public Builder rootUser(boolean collect) {
      this.rootUser = collect;
      return this;
    }

    /**
     * How to wait for the credential report: first wait {@code initial}, doubling up to {@code max}
     * while it is generated (or after {@code LimitExceeded}), and give up after {@code giveUpAfter}
     * (then last use is read per key). Defaults: 2 s, 30 s, 10 min.
     *
     * @param initial the first wait
     * @param max the longest wait
     * @param giveUpAfter the total wait after which the report is given up
     * @return this builder
     */
    public Builder reportPolling(Duration initial, Duration max, Duration giveUpAfter) {
      new CredentialReportFetcher.Polling(initial, max, giveUpAfter); // checks the values
      this.pollInitial = initial;
      this.pollMax = max;
      this.giveUpAfter = giveUpAfter;
      return this;
    }

    /**
     * Builds the collector.
     *
     * @return the collector
     */
    public IamCollector build() {
      return new IamCollector(this);
    }
  }
}
