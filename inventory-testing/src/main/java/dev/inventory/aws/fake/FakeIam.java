package dev.inventory.aws.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inventory.Inventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A loopback fake of IAM and STS (query protocol) for tests with the real SDK clients: accounts,
 * users, keys and credential reports in memory, fault and timing switches, and a log of every call.
 *
 * <pre>{@code
 * try (FakeIam fake = FakeIam.builder().clock(clock).seed(42L).start()) {
 *   FakeAccount prod = fake.account("111111111111").alias("prod");
 *   prod.user("ci").addKey("AKIAFAKECI0000000001", created).use(lastUse);
 *   IamClient iam = IamClient.builder()
 *       .endpointOverride(fake.endpoint()).region(Region.AWS_GLOBAL)
 *       .credentialsProvider(prod.credentials())
 *       .httpClientBuilder(UrlConnectionHttpClient.builder())
 *       .build();
 *   fake.throttleFraction(0.3);
 *   iam.listUsers();
 *   fake.callCount("ListUsers");
 * }
 * }</pre>
 *
 * <p>The calling account is found from the access key id in the {@code Authorization} header's
 * {@code Credential=} (signatures are not checked); IAM and STS share the endpoint and are told apart
 * by {@code Version}. Answers, errors and their statuses are those IAM and STS give. Thread-safe.
 */
public final class FakeIam implements AutoCloseable {
  static final String IAM_VERSION = "2010-05-08";
  static final String STS_VERSION = "2011-06-15";
  private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
  private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
  private static final Pattern ATTEMPT = Pattern.compile("attempt=(\\d+)");

  private final Clock clock;
  private final Random random;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Pager pager = new Pager();
  private final IamActions iam = new IamActions(this, pager);
  private final StsActions sts = new StsActions(this);
  private final Map<String, FakeAccount> accounts = new ConcurrentHashMap<>();
  private final Map<String, StsActions.Caller> callers = new ConcurrentHashMap<>();
  private final Map<String, FakeError> failures = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
  private final List<FakeCall> calls = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicInteger reportLimitExceeded = new AtomicInteger();

  private volatile Duration latency = Duration.ZERO;
  private volatile double throttleFraction;
  private volatile double serverErrorFraction;
  private volatile int rateLimit;
  private volatile int reportGenerationPolls = -1;
  private volatile Duration reportMaxAge = Duration.ofHours(4);

  static {
    // The JDK server writes headers and body as two segments; with Nagle on, every answer would
    // wait for the client's delayed ACK (about 40 ms). Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeIam(Builder b) {
    this.clock = b.clock;
    this.random = new Random(b.seed);
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-iam-" + ids.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot open a loopback port for the IAM fake", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a fake on an ephemeral loopback port with the system clock and seed 0.
   *
   * @return this fake
   */
  public static FakeIam start() {
    return builder().start();
  }

  /**
   * Options: clock and random seed.
   *
   * @return a builder with the system clock and seed 0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code http://127.0.0.1:PORT}, for {@code endpointOverride} of both the IAM and the STS client.
   *
   * @return {@code http://127.0.0.1:PORT}, for {@code endpointOverride} of both the IAM and the STS client
   */
  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
  }

  /** Stops the server at once and its threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- accounts -----------------------------------------------------------------------------

  /**
   * The account of this id, created if missing.
   *
   * @param accountId the account id
   * @return the account of this id, created if missing
   */
  public FakeAccount account(String accountId) {
    return accounts.computeIfAbsent(accountId, id -> {
      FakeAccount a = new FakeAccount(this, id);
      callers.put(a.callerKeyId(), new StsActions.Caller(id, a.callerArn(), "AIDAFAKECALLER" + id.substring(0, 7)));
      return a;
    });
  }

  /**
   * Every account, by id.
   *
   * @return every account, by id
   */
  public Map<String, FakeAccount> accounts() {
    return new TreeMap<>(accounts);
  }

  /**
   * Adds the accounts, users, keys and root keys of an inventory: every {@code aws_account}
   * (alias = name unless the name is the id), {@code aws_iam_user} (UserId = node id, name, path,
   * ctime, password last use, password, MFA, tags), {@code aws_iam_access_key} (id, status, ctime,
   * last use; service and region default to {@code iam}/{@code us-east-1}; a key whose use is
   * unknown gets {@link FakeKey#lastUseUnknown()}, so that a collect reads it back as unknown) and
   * the keys of {@code aws_root_user}. A node's account is its {@code aws_account} ancestor; groups and roles are ignored.
   *
   * @param inventory the inventory
   * @return this fake
   * @throws IllegalArgumentException when a user or key is already in the fake, or a node has no
   *     account above it
   */
  public FakeIam seed(Inventory inventory) {
    FakeSeeder.seed(this, inventory);
    return this;
  }

  // ---- switches -----------------------------------------------------------------------------

  /**
   * Sleeps this long before answering every call.
   *
   * @param latency the latency
   * @return this fake
   */
  public FakeIam latency(Duration latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
    return this;
  }

  /**
   * Answers this fraction (0 to 1) of calls with 400 {@code Throttling}.
   *
   * @param fraction the fraction
   * @return this fake
   */
  public FakeIam throttleFraction(double fraction) {
    throttleFraction = fraction(fraction);
    return this;
  }

  /**
   * Answers this fraction (0 to 1) of calls with 500 {@code ServiceFailure}.
   *
   * @param fraction the fraction
   * @return this fake
   */
  public FakeIam serverErrorFraction(double fraction) {
    serverErrorFraction = fraction(fraction);
    return this;
  }

  /**
   * Per account: more than {@code callsPerSecond} calls in any 1 s window get 400 Throttling; 0 = off.
   *
   * @param callsPerSecond the calls per second
   * @return this fake
   */
  public FakeIam rateLimit(int callsPerSecond) {
    if (callsPerSecond < 0) {
      throw new IllegalArgumentException("a rate limit is 0 (off) or more, got " + callsPerSecond);
    }
    rateLimit = callsPerSecond;
    return this;
  }

  /**
   * Every call of {@code action} ({@code "*"}: any) by {@code accountId} ({@code "*"}: any) fails
   * with this status and error code until {@link #clearFailures()}.
   *
   * @param action the action
   * @param accountId the account id
   * @param status the status
   * @param errorCode the error code
   * @return this fake
   */
  public FakeIam fail(String action, String accountId, int status, String errorCode) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(errorCode, "errorCode");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an injected failure has a 4xx or 5xx status, got " + status);
    }
    String message = errorCode.equals("AccessDenied")
        ? "User: arn:aws:iam::" + accountId + ":user/fake-caller is not authorized to perform: iam:" + action
            + " on resource: arn:aws:iam::" + accountId + ":user/"
        : "Injected failure " + errorCode + " of " + action;
    failures.put(action + "|" + accountId, new FakeError(status, errorCode, message));
    return this;
  }

  /**
   * Removes every failure set by {@link #fail}.
   *
   * @return this fake
   */
  public FakeIam clearFailures() {
    failures.clear();
    return this;
  }

  /**
   * Lets list calls return about half of MaxItems per page (still with IsTruncated and Marker).
   *
   * @param on the on
   * @return this fake
   */
  public FakeIam shortPages(boolean on) {
    pager.shortPages(on);
    return this;
  }

  /**
   * Turns on the credential report's life cycle: GenerateCredentialReport answers STARTED, then
   * INPROGRESS this many times, then COMPLETE (GetCredentialReport answers ReportInProgress
   * meanwhile). Off by default: the first GenerateCredentialReport answers COMPLETE, so that a
   * collect waits for nothing.
   *
   * @param polls the INPROGRESS answers after STARTED (0 or more)
   * @return this fake
   */
  public FakeIam reportGenerationPolls(int polls) {
    if (polls < 0) {
      throw new IllegalArgumentException("report generation polls are 0 or more, got " + polls);
    }
    reportGenerationPolls = polls;
    return this;
  }

  /**
   * A report younger than this is reused (default 4 h); an older one is expired.
   *
   * @param maxAge the max age
   * @return this fake
   */
  public FakeIam reportMaxAge(Duration maxAge) {
    reportMaxAge = Objects.requireNonNull(maxAge, "maxAge");
    return this;
  }

  /**
   * The next {@code times} GenerateCredentialReport calls answer 409 LimitExceeded.
   *
   * @param times the times
   * @return this fake
   */
  public FakeIam generateCredentialReportLimitExceeded(int times) {
    reportLimitExceeded.set(times);
    return this;
  }

  // ---- call log -----------------------------------------------------------------------------

  /**
   * Every call received, in arrival order.
   *
   * @return every call received, in arrival order
   */
  public List<FakeCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /**
   * The calls of one action, in arrival order.
   *
   * @param action the action
   * @return the calls of one action, in arrival order
   */
  public List<FakeCall> calls(String action) {
    return calls().stream().filter(c -> c.action().equals(action)).toList();
  }

  /**
   * How many calls of this action arrived (all accounts, all answers).
   *
   * @param action the action
   * @return how many calls of this action arrived (all accounts, all answers)
   */
  public long callCount(String action) {
    return calls(action).size();
  }

  /**
   * Number of calls per action.
   *
   * @return number of calls per action
   */
  public Map<String, Long> callCounts() {
    return calls().stream().collect(Collectors.groupingBy(FakeCall::action, TreeMap::new, Collectors.counting()));
  }

  /**
   * Forgets the calls so far.
   *
   * @return this fake
   */
  public FakeIam clearCalls() {
    synchronized (calls) {
      calls.clear();
    }
    return this;
  }

  // ---- package-private helpers ----------------------------------------------------------------

  Instant now() {
    return clock.instant();
  }

  Optional<FakeAccount> knownAccount(String id) {
    return Optional.ofNullable(accounts.get(id));
  }

  void registerCaller(String keyId, StsActions.Caller caller) {
    callers.put(keyId, caller);
  }

  /** A new id: prefix plus {@code digits} characters, unique in this fake. */
  String generatedId(String prefix, int digits) {
    String n = Long.toString(ids.incrementAndGet() + 1_000_000L, 36).toUpperCase();
    return prefix + "F".repeat(Math.max(0, digits - n.length())) + n;
  }

  /** The same id for the same name (for groups and roles the model does not keep). */
  String stableId(String name, int digits) {
    String hex = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
        .toUpperCase();
    return hex.substring(0, digits);
  }

  int reportGenerationPolls() {
    return reportGenerationPolls;
  }

  Duration reportMaxAge() {
    return reportMaxAge;
  }

  boolean takeReportLimitExceeded() {
    return reportLimitExceeded.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  // ---- the server ---------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Instant arrived = Instant.now();
      Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String action = form.getOrDefault("Action", "");
      String version = form.getOrDefault("Version", "");
      boolean isSts = version.equals(STS_VERSION);
      StsActions.Caller caller = caller(exchange.getRequestHeaders().getFirst("Authorization"));
      int attempt = attempt(exchange.getRequestHeaders().getFirst("amz-sdk-request"));
      sleep(latency);

      String requestId = UUID.randomUUID().toString();
      int status = 200;
      String code = null;
      String body;
      try {
        String result = answer(action, version, caller, new Params(form));
        body = success(action, isSts ? STS_NS : IAM_NS, result, requestId);
      } catch (FakeError e) {
        status = e.status();
        code = e.code();
        body = error(e, isSts ? STS_NS : IAM_NS, requestId);
      } catch (RuntimeException e) {
        // A bug of the fake: answer so that the client does not hang, and say what broke.
        FakeError bug = new FakeError(500, "FakeIamBug", e.toString());
        status = bug.status();
        code = bug.code();
        body = error(bug, isSts ? STS_NS : IAM_NS, requestId);
      }
      Map<String, String> params = new LinkedHashMap<>(form);
      params.remove("Action");
      params.remove("Version");
      FakeCall call = new FakeCall(caller == null ? null : caller.accountId(), action, params, status, code, attempt, arrived);
      synchronized (calls) {
        calls.add(call);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml");
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  /** Routing, then injected faults, then the action: the inside of the Result, or null. */
  private String answer(String action, String version, StsActions.Caller caller, Params params) {
    boolean isSts = version.equals(STS_VERSION);
    if (!isSts && !version.equals(IAM_VERSION)) {
      throw new FakeError(400, "InvalidAction", "Could not find operation " + action + " for version "
          + (version.isEmpty() ? "(none)" : version) + "; IAM is " + IAM_VERSION + ", STS " + STS_VERSION + ".");
    }
    if (isSts ? !sts.knows(action) : !iam.knows(action)) {
      throw new FakeError(400, "InvalidAction", "Could not find operation " + action + " for version " + version);
    }
    if (caller == null) {
      throw new FakeError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }
    injectFaults(action, caller.accountId());
    if (isSts) {
      return sts.run(action, caller, params);
    }
    FakeAccount account = accounts.get(caller.accountId());
    return iam.run(action, account, params);
  }

  private void injectFaults(String action, String accountId) {
    for (String key : List.of(action + "|" + accountId, action + "|*", "*|" + accountId, "*|*")) {
      FakeError f = failures.get(key);
      if (f != null) {
        throw new FakeError(f.status(), f.code(), f.getMessage());
      }
    }
    if (overRateLimit(accountId)) {
      throw throttling();
    }
    double r = random.nextDouble();
    if (r < throttleFraction) {
      throw throttling();
    }
    if (r < throttleFraction + serverErrorFraction) {
      throw new FakeError(500, "ServiceFailure", "Request processing has failed due to some unknown error.");
    }
  }

  private boolean overRateLimit(String accountId) {
    int limit = rateLimit;
    if (limit <= 0) {
      return false;
    }
    Deque<Long> window = windows.computeIfAbsent(accountId, id -> new ArrayDeque<>());
    long now = System.nanoTime();
    synchronized (window) {
      while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
        window.pollFirst();
      }
      if (window.size() >= limit) {
        return true;
      }
      window.addLast(now);
      return false;
    }
  }

  private static FakeError throttling() {
    return new FakeError(400, "Throttling", "Rate exceeded");
  }

  private static String success(String action, String ns, String result, String requestId) {
    Xml xml = new Xml().raw("<" + action + "Response xmlns=\"" + ns + "\">");
    if (result != null) {
      // The SDK takes the first child of the root as the result: it must come before ResponseMetadata.
      xml.open(action + "Result").raw(result).close(action + "Result");
    }
    return xml.open("ResponseMetadata").text("RequestId", requestId).close("ResponseMetadata")
        .close(action + "Response").toString();
  }

  private static String error(FakeError e, String ns, String requestId) {
    return new Xml().raw("<ErrorResponse xmlns=\"" + ns + "\">")
        .open("Error")
        .text("Type", e.status() >= 500 ? "Receiver" : "Sender")
        .text("Code", e.code())
        .text("Message", e.getMessage())
        .close("Error")
        .text("RequestId", requestId)
        .close("ErrorResponse")
        .toString();
  }

  private StsActions.Caller caller(String authorization) {
    if (authorization == null) {
      return null;
    }
    Matcher m = CREDENTIAL.matcher(authorization);
    return m.find() ? callers.get(m.group(1)) : null;
  }

  private static int attempt(String header) {
    if (header == null) {
      return 1;
    }
    Matcher m = ATTEMPT.matcher(header);
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }

  private static void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double fraction(double f) {
    if (!(f >= 0 && f <= 1)) {
      throw new IllegalArgumentException("a fraction is between 0 and 1, got " + f);
    }
    return f;
  }

  /** Options of a {@link FakeIam}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private long seed;

    private Builder() {}

    /**
     * The clock for report times and default creation times (default: system UTC).
     *
     * @param clock the clock
     * @return the clock for report times and default creation times (default: system UTC)
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The seed of the random faults (default 0).
     *
     * @param seed the seed
     * @return the seed of the random faults (default 0)
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Starts the server.
     *
     * @return this fake
     */
    public FakeIam start() {
      return new FakeIam(this);
    }
  }
}
