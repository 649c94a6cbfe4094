package io.hullcheck.github;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The App's key in both PEM forms, and the JWT it signs, checked with the public key. */
class AppCredentialsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PKCS#1 as GitHub hands it out, pkcs1", "PKCS#8, pkcs8", "PKCS#1 with CRLF, crlf"})
  void readsBothKeyForms(String scenario, String form) throws Exception {
    String pem =
        switch (form) {
          case "pkcs1" -> TestKeys.pkcs1Pem();
          case "pkcs8" -> TestKeys.pkcs8Pem();
          default -> TestKeys.pkcs1Pem().replace("\n", "\r\n");
        };
    assertArrayEquals(
        TestKeys.pair().getPrivate().getEncoded(),
        PrivateKeys.parsePem(pem).getEncoded(),
        scenario);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not PEM      | hello                                          | not a PEM private key",
        "public key   | <PUBLIC KEY>/AAAA/</PUBLIC KEY>                | not a PEM private key",
        "no END line  | <RSA PRIVATE KEY>/MIIE                         | no END RSA PRIVATE KEY line",
        "garbage body | <PRIVATE KEY>/AAAA/</PRIVATE KEY>              | could not be decoded",
      })
  void explainsUnreadableKeysWithoutContent(String scenario, String pem, String message) {
    var e =
        assertThrows(
            PrivateKeys.InvalidKeyException.class,
            () -> PrivateKeys.parsePem(pemOf(pem)),
            scenario);
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("MIIE") || e.getMessage().contains("AAAA"), scenario);
  }

  /** {@code <T>} and {@code </T>} stand for PEM BEGIN and END lines, {@code /} for a newline. */
  private static String pemOf(String row) {
    return row.replaceAll("</([A-Z ]+)>", "-----END $1-----")
        .replaceAll("<([A-Z ]+)>", "-----BEGIN $1-----")
        .replace("/", "\n");
  }

  @ParameterizedTest(name = "signed at {0}")
  @CsvSource({"2026-12-03T16:00:00Z", "2030-01-01T00:00:30Z"})
  void signsAJwtGitHubAccepts(String at) throws Exception {
    Instant now = Instant.parse(at);
    AppJwt jwt =
        new AppJwt(
            "1234", PrivateKeys.parsePem(TestKeys.pkcs1Pem()), Clock.fixed(now, ZoneOffset.UTC));
    String[] parts = jwt.token().split("\\.");
    assertEquals(3, parts.length);
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(TestKeys.pair().getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])), "bad signature");
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("RS256", header.path("alg").asText());
    assertEquals("1234", claims.path("iss").asText());
    assertEquals(now.getEpochSecond() - 60, claims.path("iat").asLong());
    long lifetime = claims.path("exp").asLong() - now.getEpochSecond();
    assertTrue(lifetime > 0 && lifetime <= 600, "exp must be at most 10 minutes ahead");
  }
}
