package io.sallyport.gateway.http;

import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The page a person sees when a route refuses them: what happened, in plain words, and what to do
 * next. The reason codes are shown too, since they are what an administrator looks up.
 */
public final class DenyPage {

  private DenyPage() {}

  public static Page of(Decision decision, String routeName, String requestId) {
    List<String> lines = new ArrayList<>();
    String code = decision.primaryCode();
    lines.add(headline(code, routeName));
    for (Reason r : decision.reasons()) {
      if (!r.detail().isEmpty()) {
        lines.add(r.detail());
      }
    }
    lines.add(nextStep(code));
    StringBuilder codes = new StringBuilder("<p class=\"id\">Reason: ");
    for (int i = 0; i < decision.reasons().size(); i++) {
      codes.append(i == 0 ? "" : ", ").append("<code>").append(Page.escape(decision.reasons().get(i).code()))
          .append("</code>");
    }
    codes.append("</p>");
    if (code.startsWith("pim.not_active") && decision.principal() != null && decision.principal().sessionId() != null) {
      // eligible but not active: the fix is one form away
      codes.insert(0, "<p><a class=\"button\" id=\"activate\" href=\"/.sallyport/activate?route="
          + Page.escape(java.net.URLEncoder.encode(routeName, java.nio.charset.StandardCharsets.UTF_8))
          + "\">Activate your PIM assignment</a></p>");
    }
    if (decision.principal() != null && decision.principal().sessionId() != null) {
      codes.append("<p><a id=\"my-access\" href=\"/.sallyport/my-access\">See all your access</a>: your PIM roles,"
          + " access packages, terms and every route, with the way through.</p>");
      codes.append("<p><a href=\"/.sallyport/logout\">Sign out</a> (to sign in as someone else)</p>");
    }
    return new Page(decision.status(), title(decision.status()), lines, codes.toString(), requestId);
  }

  private static String title(int status) {
    return switch (status) {
      case 401 -> "Sign-in needed";
      case 503 -> "Try again shortly";
      default -> "Access denied";
    };
  }

  private static String headline(String code, String route) {
    String where = "\"" + route + "\"";
    if (code.startsWith("authn.unavailable") || code.endsWith(".unavailable")) {
      return "Sallyport could not check your access to " + where + " just now. This is not something you did.";
    }
    if (code.startsWith("authn.")) {
      return "Sallyport could not tell who you are for " + where + ".";
    }
    if (code.startsWith("ca.")) {
      return "You are signed in, but " + where + " needs a stronger or more recent sign-in than the one you have.";
    }
    return "You are signed in, but you do not have access to " + where + ".";
  }

  private static String nextStep(String code) {
    if (code.endsWith(".unavailable")) {
      return "Wait a minute and reload the page. If it keeps happening, tell your administrator.";
    }
    if (code.startsWith("pim.not_active")) {
      return "Activate the assignment (justification, duration, ticket), then try again.";
    }
    if (code.startsWith("pim.")) {
      return "Ask your administrator to make you eligible for the assignment this route needs.";
    }
    if (code.startsWith("ca.mfa")) {
      return "Your organization's sign-in did not include multi-factor authentication. Ask your administrator"
          + " to require it for Sallyport, or to protect this route with an authentication context.";
    }
    if (code.startsWith("ca.")) {
      return "Sign out and sign in again; if you still see this page, ask your administrator.";
    }
    if (code.startsWith("access_package.")) {
      return "Request the access package in My Access (myaccess.microsoft.com), or ask its manager to assign it;"
          + " once it is delivered, reload this page.";
    }
    if (code.startsWith("tou.")) {
      return "Sign out and sign in again: your organization's sign-in shows the terms to accept.";
    }
    if (code.startsWith("authz.group") || code.startsWith("groups.") || code.startsWith("authz.role")
        || code.startsWith("authz.scope") || code.startsWith("authz.")) {
      return "Ask your administrator for access (they can look up the reason below), then sign in again.";
    }
    return "Reload the page to sign in again. If it keeps happening, tell your administrator.";
  }
}
