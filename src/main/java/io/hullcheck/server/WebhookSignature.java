package io.hullcheck.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks GitHub's {@code X-Hub-Signature-256} header: {@code sha256=} and the hex HMAC-SHA256 of
 * the raw request body keyed with the webhook secret, compared in constant time.
 */
public final class WebhookSignature {
  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** Whether {@code header} is the signature of {@code body} under {@code secret}. */
  public static boolean valid(byte[] secret, byte[] body, String header) {
    if (header == null || !header.startsWith(PREFIX) || secret.length == 0) {
      return false;
    }
    byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        header.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /** The header value GitHub would send for {@code body}. */
  public static String sign(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
