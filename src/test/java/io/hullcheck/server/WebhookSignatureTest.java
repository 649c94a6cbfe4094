package io.hullcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignatureTest {
  private static final byte[] SECRET =
      "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        // GitHub's documented test vector.
        "documented vector | sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17 | true",
        "upper-case hex    | sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17 | true",
        "one digit off     | sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18 | false",
        "sha1 prefix       | sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17 | false",
        "truncated         | sha256=757107ea0eb2509fc211221cce984b8a | false",
        "empty             | '' | false",
        "missing           | NULL | false",
      })
  void checksTheHeader(String scenario, String header, boolean valid) {
    assertEquals(valid, WebhookSignature.valid(SECRET, BODY, header), scenario);
  }

  @ParameterizedTest
  @CsvSource("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
  void signsLikeGitHub(String expected) {
    assertEquals(expected, WebhookSignature.sign(SECRET, BODY));
  }
}
