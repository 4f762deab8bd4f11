package dev.inventory.aws.fake;

import static dev.inventory.aws.fake.FakeClients.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class FakeIamConcurrencyTest {
  @Test
  void should_delete_every_key_once_from_64_threads() throws Exception {
    try (FakeIam fake = FakeIam.builder().clock(FakeClients.CLOCK).start()) {
      FakeAccount acct = fake.account("111111111111");
      List<FakeKey> keys = new ArrayList<>();
      for (int u = 0; u < 64; u++) {
        FakeUser user = acct.user("user-" + u);
        keys.add(user.addKey(String.format("AKIAFAKE%012dA", u), NOW));
        keys.add(user.addKey(String.format("AKIAFAKE%012dB", u), NOW));
      }
      ExecutorService pool = Executors.newFixedThreadPool(64);
      try (IamClient iam = FakeClients.iam(fake, acct.credentials())) {
        List<Future<?>> done = new ArrayList<>();
        for (FakeKey k : keys) {
          done.add(pool.submit(() -> {
            iam.deleteAccessKey(b -> b.userName(k.userName()).accessKeyId(k.id()));
            if (acct.findUser(k.userName()).map(u -> u.keys().isEmpty()).orElse(false)) {
              try {
                iam.deleteUser(b -> b.userName(k.userName()));
              } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException alreadyGone) {
                // the other key's thread deleted the user first
              }
            }
          }));
        }
        for (Future<?> f : done) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(keys).allMatch(FakeKey::deleted);
      assertThat(fake.calls("DeleteAccessKey")).hasSize(128).allMatch(FakeCall::succeeded);
      assertThat(acct.users()).isEmpty();
    }
  }

  @Test
  void should_stop_listening_when_closed() throws Exception {
    FakeIam fake = FakeIam.start();
    URI endpoint = fake.endpoint();
    fake.close();
    HttpRequest request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString("")).build();
    Throwable thrown = null;
    try {
      HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      thrown = e;
    }
    assertThat(thrown).isInstanceOf(ConnectException.class);
  }
}
