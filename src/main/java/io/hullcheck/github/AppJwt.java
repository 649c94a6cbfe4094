package io.hullcheck.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs the App's JSON Web Token (RS256) with the JDK: {@code iat} a minute in the past against
 * clock drift, {@code exp} nine minutes ahead (GitHub allows at most ten), {@code iss} the App id.
 * A token is reused until a minute before it expires. Thread-safe.
 */
public final class AppJwt {
  static final Duration BACKDATE = Duration.ofSeconds(60);
  static final Duration LIFETIME = Duration.ofMinutes(9);
  private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String appId;
  private final PrivateKey key;
  private final Clock clock;
  private String token;
  private Instant expiresAt = Instant.MIN;

  public AppJwt(String appId, PrivateKey key, Clock clock) {
    this.appId = appId;
    this.key = key;
    this.clock = clock;
  }

  /** A valid JWT, signed anew when the cached one is close to expiry. */
  public synchronized String token() {
    Instant now = clock.instant();
    if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE))) {
      expiresAt = now.plus(LIFETIME);
      token = sign(now.minus(BACKDATE), expiresAt);
    }
    return token;
  }

  private String sign(Instant issuedAt, Instant expires) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("exp", expires.getEpochSecond());
    claims.put("iss", appId);
    String signingInput = base64Url(json(header)) + "." + base64Url(json(claims));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64Url(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the App JWT with SHA256withRSA", e);
    }
  }

  private static byte[] json(Map<String, Object> value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
