package io.sallyport.gateway.activation;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The activation form as posted, checked field by field: every problem names the field and what
 * was expected, and nothing unchecked reaches Graph or a page.
 *
 * @param acr  the auth context the user stepped up to for this activation, or null
 */
record ActivationForm(String route, String csrf, String justification, Duration duration, String ticketNumber,
                      String ticketSystem, String acr) {

  static final int MAX_BYTES = 8192;
  static final int MAX_JUSTIFICATION = 500;
  static final int MAX_HOURS = 24;
  static final Pattern ACR = Pattern.compile("c[1-9][0-9]?");
  // printable text on one line (a ticket) or several (a justification); no control characters
  private static final Pattern LINE = Pattern.compile("[^\\p{Cntrl}]{1,100}");
  private static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}]*", Pattern.DOTALL);

  /** A field that is not what the form expects. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static ActivationForm of(MultiMap m) {
    String justification = trim(m.get("justification"));
    if (justification != null && (justification.length() > MAX_JUSTIFICATION
        || !TEXT.matcher(justification.replace("\r\n", " ").replace('\n', ' ')).matches())) {
      throw new Invalid("justification: expected at most " + MAX_JUSTIFICATION + " characters of text");
    }
    String hours = trim(m.get("hours"));
    int h;
    try {
      h = Integer.parseInt(hours == null ? "" : hours);
    } catch (NumberFormatException e) {
      throw new Invalid("hours: expected a whole number of hours from 1 to " + MAX_HOURS + ", got \""
          + clip(hours) + "\"");
    }
    if (h < 1 || h > MAX_HOURS) {
      throw new Invalid("hours: expected a whole number of hours from 1 to " + MAX_HOURS + ", got " + h);
    }
    String ticket = trim(m.get("ticket"));
    String system = trim(m.get("ticket-system"));
    if (ticket != null && !LINE.matcher(ticket).matches() || system != null && !LINE.matcher(system).matches()) {
      throw new Invalid("ticket: expected at most 100 characters on one line");
    }
    String acr = trim(m.get("acr"));
    if (acr != null && !ACR.matcher(acr.toLowerCase(Locale.ROOT)).matches()) {
      throw new Invalid("acr: expected an auth context id c1..c99");
    }
    return new ActivationForm(trim(m.get("route")), m.get("csrf"), justification, Duration.ofHours(h), ticket,
        system, acr == null ? null : acr.toLowerCase(Locale.ROOT));
  }

  /**
   * Refuses, before Graph is asked, what the role's PIM settings would refuse anyway: a duration
   * over the maximum, a missing justification or ticket. Nothing when the settings are unknown.
   */
  static void within(ActivationForm f, io.sallyport.gateway.entra.graph.RolePolicies.Rules rules) {
    if (rules == null) {
      return;
    }
    if (rules.maxActivation() != null && f.duration().compareTo(rules.maxActivation()) > 0) {
      throw new Invalid("hours: the role's policy allows at most " + maxHours(rules) + " hour"
          + (maxHours(rules) == 1 ? "" : "s") + ", got " + f.duration().toHours());
    }
    if (rules.justification() && f.justification() == null) {
      throw new Invalid("justification: the role's policy requires one");
    }
    if (rules.ticket() && f.ticketNumber() == null) {
      throw new Invalid("ticket: the role's policy requires a ticket number");
    }
  }

  /** The whole hours the form may offer under the settings (at least 1, at most {@link #MAX_HOURS}). */
  static int maxHours(io.sallyport.gateway.entra.graph.RolePolicies.Rules rules) {
    if (rules == null || rules.maxActivation() == null) {
      return MAX_HOURS;
    }
    return (int) Math.max(1, Math.min(MAX_HOURS, rules.maxActivation().toHours()));
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }

  /** The urlencoded body, at most {@link #MAX_BYTES}. */
  static Future<MultiMap> read(HttpServerRequest req) {
    String type = req.headers().get("content-type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return Future.failedFuture(new Invalid("expected a form (application/x-www-form-urlencoded)"));
    }
    Promise<MultiMap> p = Promise.promise();
    Buffer body = Buffer.buffer();
    req.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_BYTES) {
        p.tryFail(new Invalid("the form is larger than " + MAX_BYTES + " bytes"));
        return;
      }
      body.appendBuffer(chunk);
    });
    req.exceptionHandler(p::tryFail);
    req.endHandler(v -> {
      MultiMap m = MultiMap.caseInsensitiveMultiMap();
      for (String pair : body.toString(StandardCharsets.US_ASCII).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          try {
            m.add(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            p.tryFail(new Invalid("the form is not valid urlencoded text"));
            return;
          }
        }
      }
      p.tryComplete(m);
    });
    return p.future();
  }
}
