package io.sallyport.gateway.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code explain}: asks a running gateway's management listener why a user or token is (or would
 * be) allowed or denied on a route, and prints each check's verdict. Exit 0 allowed, 2 denied or
 * challenged, 1 on any error.
 */
public final class ExplainCommand implements Command {

  private static final Set<String> OPTIONS = Set.of("management", "route", "path", "host", "user", "token",
      "token-file", "claims");

  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String summary() {
    return "why is a user or token allowed or denied on a route (asks a running gateway)";
  }

  @Override
  public String help() {
    return """
        Usage: sallyport explain [--management URL] (--route NAME | --path /x [--host HOST])
                                 (--user UPN|OID | --token T | --token-file FILE | --claims JSON) [--json]

        Asks a running gateway (POST /explain on its management listener) how it would decide a
        request and prints every check with its verdict (pass, fail, not evaluated), the SCIM
        directory's facts about the user, the decision with its reason code, and what to do next.

          --management URL   the management listener (default http://127.0.0.1:8081)
          --route NAME       the route by name; or --path (and --host) to match it as the proxy would
          --user UPN|OID     judge the claims of the user's newest active session
          --token T          judge an access token, verified now (prefer --token-file: argv is visible)
          --token-file FILE  read the token from FILE ("-" for standard input)
          --claims JSON      judge hypothetical claims, e.g. '{"upn":"a@x","amr":["pwd"]}' (not verified)
          --json             print the gateway's JSON answer instead of the table

        Exit status: 0 allowed, 2 denied or challenged, 1 error (bad options, gateway unreachable,
        unknown route or user).""";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    JsonObject body;
    URI target;
    Args a;
    try {
      a = Args.parse(args, OPTIONS, Set.of("json"));
      if (!a.positional().isEmpty()) {
        throw new IllegalArgumentException("unexpected argument \"" + a.positional().get(0) + "\"");
      }
      body = body(a);
      target = URI.create(a.options().getOrDefault("management", "http://127.0.0.1:8081").replaceAll("/+$", "")
          + "/explain");
      if (target.getScheme() == null || !target.getScheme().startsWith("http") || target.getHost() == null) {
        throw new IllegalArgumentException("--management: expected a URL like http://127.0.0.1:8081");
      }
    } catch (IllegalArgumentException | IOException e) {
      err.println("sallyport explain: " + e.getMessage());
      return 1;
    }
    HttpResponse<String> response;
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      response = client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
          .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      err.println("sallyport explain: cannot reach " + target + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is the gateway running, and is --management"
          + " its management listener?");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    JsonObject answer;
    try {
      answer = new JsonObject(response.body());
    } catch (DecodeException | ClassCastException e) {
      err.println("sallyport explain: " + target + " answered " + response.statusCode() + " without JSON; is it a"
          + " Sallyport management listener?");
      return 1;
    }
    if (response.statusCode() != 200) {
      err.println("sallyport explain: " + response.statusCode() + " " + answer.getString("code", "") + ": "
          + answer.getString("detail", answer.getString("title", "")));
      return 1;
    }
    if (a.options().containsKey("json")) {
      out.println(answer.encodePrettily());
    } else {
      ExplainTable.print(answer, out);
    }
    return "allow".equals(answer.getJsonObject("decision", new JsonObject()).getString("verdict")) ? 0 : 2;
  }

  private static JsonObject body(Args a) throws IOException {
    var o = a.options();
    JsonObject body = new JsonObject();
    if (o.containsKey("route") == o.containsKey("path")) {
      throw new IllegalArgumentException("give --route NAME or --path /x (with an optional --host), one of them");
    }
    if (o.containsKey("host") && !o.containsKey("path")) {
      throw new IllegalArgumentException("--host goes with --path");
    }
    put(body, "route", o.get("route"));
    put(body, "path", o.get("path"));
    put(body, "host", o.get("host"));
    int identities = 0;
    for (String k : new String[] {"user", "token", "token-file", "claims"}) {
      identities += o.containsKey(k) ? 1 : 0;
    }
    if (identities != 1) {
      throw new IllegalArgumentException("give exactly one of --user, --token, --token-file or --claims");
    }
    put(body, "user", o.get("user"));
    put(body, "token", o.get("token"));
    if (o.containsKey("token-file")) {
      String f = o.get("token-file");
      String token = (f.equals("-") ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          : Files.readString(Path.of(f))).trim();
      if (token.isEmpty()) {
        throw new IllegalArgumentException("--token-file " + f + ": the file is empty");
      }
      body.put("token", token);
    }
    if (o.containsKey("claims")) {
      try {
        body.put("claims", new JsonObject(o.get("claims")));
      } catch (DecodeException | ClassCastException e) {
        throw new IllegalArgumentException("--claims: expected a JSON object like '{\"amr\":[\"pwd\",\"mfa\"]}'");
      }
    }
    return body;
  }

  private static void put(JsonObject body, String key, String value) {
    if (value != null) {
      body.put(key, value);
    }
  }
}
