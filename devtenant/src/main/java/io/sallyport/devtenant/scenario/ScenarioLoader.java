package io.sallyport.devtenant.scenario;

import io.sallyport.devtenant.scenario.Scenario.AppSpec;
import io.sallyport.devtenant.scenario.Scenario.GroupSpec;
import io.sallyport.devtenant.scenario.Scenario.TenantSpec;
import io.sallyport.devtenant.scenario.Scenario.UserSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a scenario YAML file into a {@link Scenario}: every problem is reported at once with its
 * path, references (a group's members, an eligibility's role) may name entries by id, UPN or
 * display name and are resolved to ids here, and relative times resolve against {@code now}.
 */
public final class ScenarioLoader {

  private ScenarioLoader() {}

  public static Scenario load(Path file, Instant now) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), now);
  }

  public static Scenario parse(String yaml, String source, Instant start) {
    // whole seconds: relative times in Graph output look like Entra's, not like Instant.toString's nanos
    Instant now = start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    List<String> errors = new ArrayList<>();
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(20);
      options.setCodePointLimit(4 * 1024 * 1024);
      root = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new ScenarioException(source, List.of("line " + (mark.getLine() + 1) + ", column "
          + (mark.getColumn() + 1) + ": " + e.getProblem()));
    } catch (YAMLException e) {
      throw new ScenarioException(source, List.of(e.getMessage()));
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ScenarioException(source, List.of("the file must hold a mapping with a tenant: section"));
    }
    Node top = new Node("", Node.stringKeys(map), errors, now);
    top.allow("tenant", "apps", "users", "groups", "directory-roles", "pim", "pim-groups", "agreements",
        "access-packages", "auth-contexts", "conditional-access", "provisioning");
    TenantSpec tenant = tenant(top.child("tenant"));
    String tid = tenant.id();
    List<AppSpec> apps = top.list("apps").stream().map(n -> app(n, tid)).toList();
    List<UserSpec> users = top.list("users").stream().map(n -> user(n, tenant.domain(), tid)).toList();
    List<GroupSpec> groupsRaw = top.list("groups").stream().map(n -> group(n, tid)).toList();
    References refs = new References(apps, users, groupsRaw, errors);
    Scenario scenario = new Governance(top, refs, tid, now).build(tenant, apps, users,
        refs.resolveGroups(groupsRaw, top.list("groups")));
    if (!errors.isEmpty()) {
      throw new ScenarioException(source, errors);
    }
    return scenario;
  }

  private static TenantSpec tenant(Node n) {
    n.allow("id", "domain", "display-name", "groups-overage-limit", "mfa-for-everyone", "access-token-lifetime");
    String id = n.guid("id", null);
    if (id == null) {
      if (!n.has("id")) {
        n.error("id", "required (the tenant GUID)");
      }
      id = Node.newGuid();
    }
    return new TenantSpec(id, n.string("domain", "devtenant.onmicrosoft.com"),
        n.string("display-name", "devtenant"), n.integer("groups-overage-limit", 200, 1, 10_000),
        n.bool("mfa-for-everyone", false), n.duration("access-token-lifetime", null));
  }

  private static AppSpec app(Node n, String tid) {
    n.allow("name", "client-id", "object-id", "service-principal-id", "client-secrets", "redirect-uris",
        "identifier-uris", "access-token-version", "optional-claims", "group-membership-claims", "scopes",
        "app-roles", "graph-permissions", "certificate", "public-client");
    List<Scenario.AppRoleSpec> roles = n.list("app-roles").stream().map(r -> {
      r.allow("id", "value", "display-name", "allowed-member-types");
      String value = r.required("value");
      List<String> types = r.strings("allowed-member-types");
      return new Scenario.AppRoleSpec(r.guid("id", Node.stableGuid(tid, "app-role", n.string("name", "") + "/" + value)),
          value, r.string("display-name", value),
          types.isEmpty() ? List.of("User") : types);
    }).toList();
    int version = n.integer("access-token-version", 2, 1, 2);
    String clientId = requiredGuid(n, "client-id");
    return new AppSpec(n.required("name"), clientId, n.guid("object-id", Node.stableGuid(tid, "application", clientId)),
        n.guid("service-principal-id", Node.stableGuid(tid, "servicePrincipal", clientId)), n.strings("client-secrets"), n.strings("redirect-uris"),
        n.strings("identifier-uris"), version, n.strings("optional-claims"),
        n.string("group-membership-claims", "SecurityGroup"), n.strings("scopes"), roles,
        n.strings("graph-permissions"), n.string("certificate", null), n.bool("public-client", false));
  }

  private static UserSpec user(Node n, String domain, String tid) {
    n.allow("id", "upn", "display-name", "given-name", "surname", "mail", "job-title", "department",
        "password", "mfa", "enabled", "app-roles");
    String upn = n.required("upn");
    if (!upn.isEmpty() && !upn.contains("@")) {
      upn = upn + "@" + domain;
    }
    return new UserSpec(n.guid("id", Node.stableGuid(tid, "user", upn)), upn, n.string("display-name", upn),
        n.string("given-name", null), n.string("surname", null), n.string("mail", upn),
        n.string("job-title", null), n.string("department", null), n.required("password"),
        n.bool("mfa", true), n.bool("enabled", true), n.strings("app-roles"));
  }

  private static GroupSpec group(Node n, String tid) {
    n.allow("id", "display-name", "description", "security-enabled", "mail-enabled", "mail-nickname",
        "members", "owners");
    String name = n.required("display-name");
    return new GroupSpec(n.guid("id", Node.stableGuid(tid, "group", name)), name, n.string("description", null),
        n.bool("security-enabled", true), n.bool("mail-enabled", false),
        n.string("mail-nickname", name.replaceAll("[^A-Za-z0-9]", "").toLowerCase()),
        n.strings("members"), n.strings("owners"));
  }

  static String requiredGuid(Node n, String key) {
    String v = n.guid(key, null);
    if (v == null) {
      if (!n.has(key)) {
        n.error(key, "required (a GUID)");
      }
      return Node.newGuid();
    }
    return v;
  }
}
