package io.hullcheck.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.TransferConfig;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A read-only git server on the loopback interface speaking git's smart HTTP protocol (v0 and v2)
 * for one repository, with JGit's {@link UploadPack}. It serves {@code uploadpack.allowfilter} and
 * {@code uploadpack.allowanysha1inwant} as GitHub does (filters can be switched off to exercise the
 * fallback), and can require HTTP Basic credentials. Used by {@code hullcheck review} and by tests;
 * never bound to anything but 127.0.0.1. Close it to stop it.
 */
public final class LoopbackGitServer implements AutoCloseable {
  private static final String SERVICE = "git-upload-pack";

  private final Repository repository;
  private final boolean allowFilter;
  private final String username;
  private final String password;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  private LoopbackGitServer(
      Repository repository, boolean allowFilter, String username, String password)
      throws IOException {
    this.repository = repository;
    this.allowFilter = allowFilter;
    this.username = username;
    this.password = password;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves {@code repository} anonymously with filters allowed. */
  public static LoopbackGitServer start(Repository repository) throws IOException {
    return new LoopbackGitServer(repository, true, null, null);
  }

  /**
   * Serves {@code repository}.
   *
   * @param allowFilter whether {@code filter} (partial clone) is advertised
   * @param username with {@code password}: Basic credentials every request must carry; null for
   *     anonymous access
   */
  public static LoopbackGitServer start(
      Repository repository, boolean allowFilter, String username, String password)
      throws IOException {
    return new LoopbackGitServer(repository, allowFilter, username, password);
  }

  /** The clone URL, without credentials: {@code http://127.0.0.1:PORT/repo.git}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
  }

  /** Bytes of response bodies sent so far (advertisements and packs). */
  public long bytesSent() {
    return bytesSent.get();
  }

  /** Requests answered so far, refused ones included. */
  public long requests() {
    return requests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      if (!authorized(ex)) {
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"hullcheck\"");
        ex.sendResponseHeaders(401, -1);
        return;
      }
      String path = ex.getRequestURI().getPath();
      String query = ex.getRequestURI().getQuery();
      if ("GET".equals(ex.getRequestMethod())
          && path.equals("/repo.git/info/refs")
          && ("service=" + SERVICE).equals(query)) {
        advertise(ex);
      } else if ("POST".equals(ex.getRequestMethod()) && path.equals("/repo.git/" + SERVICE)) {
        uploadPack(ex);
      } else {
        ex.sendResponseHeaders(404, -1);
      }
    }
  }

  private boolean authorized(HttpExchange ex) {
    if (username == null) {
      return true;
    }
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    byte[] expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  private UploadPack newUploadPack(HttpExchange ex) {
    UploadPack up = new UploadPack(repository);
    Config cfg = new Config();
    cfg.setBoolean("uploadpack", null, "allowfilter", allowFilter);
    cfg.setBoolean("uploadpack", null, "allowanysha1inwant", true);
    up.setTransferConfig(new TransferConfig(cfg));
    up.setRequestPolicy(UploadPack.RequestPolicy.ANY);
    up.setBiDirectionalPipe(false);
    String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
    if (protocol != null) {
      List<String> params = new ArrayList<>();
      for (String p : protocol.split(":")) {
        if (!p.isBlank()) {
          params.add(p.trim());
        }
      }
      up.setExtraParameters(params);
    }
    return up;
  }

  private void advertise(HttpExchange ex) throws IOException {
    UploadPack up = newUploadPack(ex);
    ex.getResponseHeaders().add("Content-Type", "application/x-" + SERVICE + "-advertisement");
    ex.getResponseHeaders().add("Cache-Control", "no-cache");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = counting(ex.getResponseBody())) {
      PacketLineOut pck = new PacketLineOut(out);
      up.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(pck), SERVICE);
    }
  }

  private void uploadPack(HttpExchange ex) throws IOException {
    UploadPack up = newUploadPack(ex);
    InputStream in = ex.getRequestBody();
    if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    ex.getResponseHeaders().add("Content-Type", "application/x-" + SERVICE + "-result");
    ex.getResponseHeaders().add("Cache-Control", "no-cache");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = counting(ex.getResponseBody())) {
      up.upload(in, out, null);
    }
  }

  private OutputStream counting(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        bytesSent.incrementAndGet();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bytesSent.addAndGet(len);
      }
    };
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
