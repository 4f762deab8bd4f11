package dev.inventory.aws.fake;

import java.time.Instant;
import java.util.Map;

/**
 * One request the {@link FakeIam} received, including those answered with an injected fault.
 *
 * @param accountId the calling account, or {@code null} when the caller's key id is unknown
 * @param action the {@code Action} parameter (empty when missing)
 * @param params the other form parameters ({@code Action} and {@code Version} left out)
 * @param status the HTTP status of the answer
 * @param errorCode the {@code <Code>} of an error answer, {@code null} on 2xx
 * @param attempt the attempt number from the SDK's {@code amz-sdk-request} header (1 if absent)
 * @param at wall-clock arrival time (not the fake's clock, so that timing can be observed)
 */
public record FakeCall(
    String accountId, String action, Map<String, String> params, int status, String errorCode, int attempt,
    Instant at) {
  /**
   * Copies the parameters.
   *
   * @param accountId the account id
   * @param action the action
   * @param params the params
   * @param status the status
   * @param errorCode the error code
   * @param attempt the attempt
   * @param at the time
   */
  public FakeCall {
    params = Map.copyOf(params);
  }

  /**
   * Whether the answer was 2xx.
   *
   * @return whether the answer was 2xx
   */
  public boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
