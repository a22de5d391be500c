package io.sallyport.gateway.activation;

import io.sallyport.gateway.config.RequirePim;
import io.sallyport.gateway.entra.graph.RolePolicies;
import io.sallyport.gateway.http.Page;
import java.util.List;

/** The activation pages: the form, and what a person sees after submitting it. Every value is escaped. */
final class ActivationPages {

  private ActivationPages() {}

  static String what(RequirePim need) {
    return need.kind() == RequirePim.Kind.GROUP ? "PIM " + need.access() + " assignment of group " + need.id()
        : "directory role " + need.id() + (RequirePim.ROOT_SCOPE.equals(need.scope()) ? "" : " at " + need.scope());
  }

  static Page form(String route, RequirePim need, String csrf, String acr, String problem,
                   RolePolicies.Rules rules, String requestId) {
    int max = ActivationForm.maxHours(rules);
    boolean justification = rules != null && rules.justification();
    boolean ticket = rules != null && rules.ticket();
    StringBuilder f = new StringBuilder("<form method=\"post\" action=\"/.sallyport/activate\">")
        .append(hidden("csrf", csrf)).append(hidden("route", route));
    if (acr != null) {
      f.append(hidden("acr", acr));
    }
    f.append("<p><label>Justification").append(justification ? " (required)" : "")
        .append("<br><textarea name=\"justification\" id=\"justification\" rows=\"3\" cols=\"50\" maxlength=\"")
        .append(ActivationForm.MAX_JUSTIFICATION).append("\"").append(justification ? " required" : "")
        .append("></textarea></label></p>")
        .append("<p><label>Duration (hours, at most ").append(max)
        .append(rules != null && rules.maxActivation() != null ? " by the role's policy" : "")
        .append(") <input name=\"hours\" id=\"hours\" type=\"number\" min=\"1\" max=\"").append(max)
        .append("\" value=\"1\" required></label></p>")
        .append("<p><label>Ticket number").append(ticket ? " (required)" : "")
        .append(" <input name=\"ticket\" id=\"ticket\" maxlength=\"100\"").append(ticket ? " required" : "")
        .append("></label> <label>Ticket system <input name=\"ticket-system\" id=\"ticket-system\""
            + " maxlength=\"100\"></label></p>")
        .append("<p><button type=\"submit\" id=\"activate\">Activate</button></p></form>");
    List<String> lines = new java.util.ArrayList<>();
    if (problem == null) {
      lines.add("Route \"" + route + "\" needs the " + what(need) + ", and you are eligible for it.");
      lines.add("Activating asks Microsoft Entra PIM on your behalf; the assignment lasts the time you choose.");
    } else {
      lines.add(problem);
      lines.add("Correct the form and submit it again.");
    }
    if (rules != null) {
      lines.add(settings(rules, max));
    }
    return new Page(problem == null ? 200 : 400, "Activate your PIM assignment", lines, f.toString(), requestId);
  }

  /** The role's settings in one sentence, from Graph's policy rules. */
  static String settings(RolePolicies.Rules rules, int max) {
    List<String> asks = new java.util.ArrayList<>();
    asks.add("at most " + max + " hour" + (max == 1 ? "" : "s"));
    if (rules.justification()) {
      asks.add("a justification");
    }
    if (rules.ticket()) {
      asks.add("a ticket number");
    }
    if (rules.mfa()) {
      asks.add("a sign-in with multi-factor authentication");
    }
    if (rules.authContext() != null) {
      asks.add("a sign-in meeting Conditional Access authentication context " + rules.authContext());
    }
    if (rules.approval()) {
      asks.add("an approver's decision before it starts");
    }
    return "This role's PIM settings ask for " + String.join(", ", asks) + ".";
  }

  static Page pending(String route, String graphRequestId, String requestId) {
    return new Page(202, "Activation waiting for approval", List.of("Your request to activate access for route \""
        + route + "\" needs an approver's decision (request " + graphRequestId + ").",
        "You will get access once it is approved; then reload the page you wanted."), null, requestId);
  }

  static Page message(int status, String title, String line, String requestId) {
    return new Page(status, title, List.of(line), null, requestId);
  }

  static Page activeAlready(String route, String path, String requestId) {
    return new Page(200, "Already active", List.of("Your assignment for route \"" + route + "\" is active."),
        "<p><a class=\"button\" href=\"" + Page.escape(path) + "\">Continue</a></p>", requestId);
  }

  static Page signInAgain(String line, String signIn, String requestId) {
    return new Page(403, "A stronger sign-in is needed", List.of(line),
        "<p><a class=\"button\" href=\"" + Page.escape(signIn) + "\">Sign in again</a></p>", requestId);
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Page.escape(value) + "\">";
  }
}
