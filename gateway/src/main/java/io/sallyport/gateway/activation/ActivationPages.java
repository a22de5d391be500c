package io.sallyport.gateway.activation;

import io.sallyport.gateway.config.RequirePim;
import io.sallyport.gateway.http.Page;
import java.util.List;

/** The activation pages: the form, and what a person sees after submitting it. Every value is escaped. */
final class ActivationPages {

  private ActivationPages() {}

  static String what(RequirePim need) {
    return need.kind() == RequirePim.Kind.GROUP ? "PIM " + need.access() + " assignment of group " + need.id()
        : "directory role " + need.id() + (RequirePim.ROOT_SCOPE.equals(need.scope()) ? "" : " at " + need.scope());
  }

  static Page form(String route, RequirePim need, String csrf, String acr, String problem, String requestId) {
    StringBuilder f = new StringBuilder("<form method=\"post\" action=\"/.sallyport/activate\">")
        .append(hidden("csrf", csrf)).append(hidden("route", route));
    if (acr != null) {
      f.append(hidden("acr", acr));
    }
    f.append("<p><label>Justification<br><textarea name=\"justification\" id=\"justification\" rows=\"3\" cols=\"50\""
            + " maxlength=\"").append(ActivationForm.MAX_JUSTIFICATION).append("\"></textarea></label></p>")
        .append("<p><label>Duration (hours; the role's policy sets the maximum) <input name=\"hours\" id=\"hours\""
            + " type=\"number\" min=\"1\" max=\"").append(ActivationForm.MAX_HOURS)
        .append("\" value=\"1\"></label></p>")
        .append("<p><label>Ticket number <input name=\"ticket\" id=\"ticket\" maxlength=\"100\"></label> ")
        .append("<label>Ticket system <input name=\"ticket-system\" id=\"ticket-system\" maxlength=\"100\"></label></p>")
        .append("<p><button type=\"submit\" id=\"activate\">Activate</button></p></form>");
    List<String> lines = problem == null
        ? List.of("Route \"" + route + "\" needs the " + what(need) + ", and you are eligible for it.",
            "Activating asks Microsoft Entra PIM on your behalf; the assignment lasts the time you choose.")
        : List.of(problem, "Correct the form and submit it again.");
    return new Page(problem == null ? 200 : 400, "Activate your PIM assignment", lines, f.toString(), requestId);
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
