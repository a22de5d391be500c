package io.sallyport.gateway.myaccess;

import static io.sallyport.gateway.http.Page.escape;

import io.sallyport.gateway.entra.graph.PimInstance;
import io.sallyport.gateway.entra.graph.PimStanding;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The my-access page's body. Every value is escaped: names and reasons come from tokens and Graph. */
final class MyAccessView {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private MyAccessView() {}

  static String render(MyAccess m) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<style>table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;"
        + "padding:.3em .6em;text-align:left;vertical-align:top}.no{color:#a00}.yes{color:#070}</style>");
    b.append("<h2>Routes</h2>");
    if (m.routes().isEmpty()) {
      b.append("<p>This gateway has no routes that need a sign-in.</p>");
    } else {
      b.append("<table id=\"routes\"><tr><th>Route</th><th>Now</th><th>The way through</th></tr>");
      for (MyAccess.RouteAccess r : m.routes()) {
        b.append("<tr data-route=\"").append(escape(r.name())).append("\"><td>");
        if (r.path() != null && r.allowed()) {
          b.append("<a href=\"").append(escape(r.path())).append("\">").append(escape(r.name())).append("</a>");
        } else {
          b.append(escape(r.name()));
        }
        b.append("</td><td class=\"").append(r.allowed() ? "yes\">You can reach it" : "no\">" + escape(r.detail()))
            .append("</td><td>");
        if (!r.allowed()) {
          if (r.wayLink() != null) {
            b.append("<a class=\"way\" href=\"").append(escape(r.wayLink())).append("\">").append(wayLabel(r.code()))
                .append("</a>");
          } else if (r.wayText() != null) {
            b.append(escape(r.wayText()));
          }
        }
        b.append("</td></tr>");
      }
      b.append("</table>");
    }
    pim(b, "PIM roles", "pim-roles", m.roles(), m.notes().get("pim"));
    pim(b, "PIM groups", "pim-groups", m.groups(), m.notes().get("pim"));
    b.append("<h2>Access packages</h2>");
    if (m.packages() == null) {
      b.append("<p class=\"no\">").append(escape(m.notes().getOrDefault("accessPackages", "unknown"))).append("</p>");
    } else if (m.packages().isEmpty()) {
      b.append("<p>No access package is delivered to you.</p>");
    } else {
      b.append("<table id=\"access-packages\"><tr><th>Access package</th><th>Until</th></tr>");
      m.packages().forEach((id, end) -> b.append("<tr><td><code>").append(escape(id)).append("</code></td><td>")
          .append(end == null || MyAccess.endless(end) ? "no end" : when(end)).append("</td></tr>"));
      b.append("</table>");
    }
    b.append("<h2>Terms of use</h2>");
    if (m.terms().isEmpty()) {
      b.append("<p>No route asks for terms of use.</p>");
    } else {
      b.append("<table id=\"terms\"><tr><th>Agreement</th><th>Accepted</th><th>Valid until</th></tr>");
      for (MyAccess.Terms t : m.terms()) {
        b.append("<tr><td><code>").append(escape(t.agreement())).append("</code></td><td>");
        if (t.note() != null) {
          b.append("<span class=\"no\">").append(escape(t.note())).append("</span></td><td></td></tr>");
          continue;
        }
        b.append(t.acceptedAt() == null ? "<span class=\"no\">not accepted</span>" : when(t.acceptedAt()))
            .append("</td><td>").append(t.until() == null ? "" : MyAccess.endless(t.until()) ? "no expiry"
                : when(t.until())).append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("<p>Your session ends at the latest on ").append(when(m.sessionEnds())).append(". Shown at ")
        .append(when(m.at())).append(".</p>");
    return b.toString();
  }

  private static void pim(StringBuilder b, String title, String id, PimStanding s, String note) {
    b.append("<h2>").append(title).append("</h2>");
    if (s == null) {
      b.append("<p class=\"no\">").append(escape(note == null ? "unknown" : note)).append("</p>");
      return;
    }
    if (s.active().isEmpty() && (s.eligible() == null || s.eligible().isEmpty())) {
      b.append("<p>None.</p>");
      return;
    }
    b.append("<table id=\"").append(id).append("\"><tr><th>Id</th><th>Scope or access</th><th>State</th>"
        + "<th>Until</th></tr>");
    rows(b, s.active(), "active");
    if (s.eligible() != null) {
      rows(b, s.eligible(), "eligible");
    } else {
      b.append("<tr><td colspan=\"4\" class=\"no\">Eligibilities cannot be read right now.</td></tr>");
    }
    b.append("</table>");
  }

  private static void rows(StringBuilder b, List<PimInstance> list, String state) {
    for (PimInstance i : list) {
      b.append("<tr><td><code>").append(escape(i.target())).append("</code></td><td><code>")
          .append(escape(i.qualifier())).append("</code></td><td>").append(state).append("</td><td>")
          .append(i.end() == null ? "no end" : when(i.end())).append("</td></tr>");
    }
  }

  private static String wayLabel(String code) {
    String base = code == null ? "" : code.indexOf(':') > 0 ? code.substring(0, code.indexOf(':')) : code;
    return switch (base) {
      case "pim.not_active" -> "Activate";
      case "tou.not_accepted", "tou.expired" -> "Accept the terms";
      default -> "Sign in again";
    };
  }

  /** Graph's "no end" arrives as null or as the far future (Instant.MAX); both read "no end". */
  private static String when(Instant i) {
    return i == null ? "" : MyAccess.endless(i) ? "no end" : escape(WHEN.format(i));
  }
}
