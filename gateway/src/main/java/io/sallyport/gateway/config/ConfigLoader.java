package io.sallyport.gateway.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and validates the configuration file. Pure apart from reading the file and the secret,
 * TLS and CA files it names: it starts nothing and opens no sockets, so {@code check-config} and
 * a live reload can call it freely.
 */
public final class ConfigLoader {
  private static final List<String> ROOT_KEYS =
      List.of("listeners", "proxy", "access-log", "tenant", "store", "routes", "scim", "audit", "sessions",
          "graph", "assertion");

  private ConfigLoader() {}

  /**
   * @param env  environment for {@code ${NAME}} references (usually {@code System.getenv()})
   * @throws ConfigException with every problem found, or a single one when the file cannot be read
   */
  public static SallyportConfig load(Path file, Map<String, String> env) {
    Objects.requireNonNull(file, "file");
    String label = file.toString();
    String problem;
    try {
      if (Files.isDirectory(file)) {
        problem = "is a directory; expected a YAML file";
      } else {
        return parse(Files.readString(file), file, env);
      }
    } catch (NoSuchFileException e) {
      problem = "file does not exist";
    } catch (AccessDeniedException e) {
      problem = "file is not readable (permission denied)";
    } catch (MalformedInputException e) {
      problem = "file is not UTF-8 text";
    } catch (IOException e) {
      problem = "file cannot be read (" + e.getClass().getSimpleName() + ")";
    }
    throw new ConfigException(List.of(new ConfigError(label, problem)));
  }

  /**
   * @param source  the file the text came from: relative paths (store path, secret files, TLS
   *                files) resolve against its directory; null resolves them against the working
   *                directory
   * @throws ConfigException with every problem found
   */
  public static SallyportConfig parse(String yaml, Path source, Map<String, String> env) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(env, "env");
    String label = source == null ? "<config>" : source.toString();
    Path baseDir = source == null ? Path.of("").toAbsolutePath()
        : source.toAbsolutePath().normalize().getParent();
    Errors errors = new Errors();
    Node root = YamlReader.read(yaml, label, env, errors);
    if (root == null) {
      errors.throwIfAny();
    }
    if (!root.isInvalid() && !(root.value() instanceof Map<?, ?>)) {
      errors.add(label, "expected a mapping at the top level (listeners, routes, ...), got " + root.describe());
      errors.throwIfAny();
    }
    Section s = new Section("", root, errors, baseDir, ROOT_KEYS);
    ListenersConfig listeners = ListenersSection.read(s);
    ProxyConfig proxy = ProxySection.read(s);
    AccessLogConfig accessLog = ProxySection.accessLog(s);
    TenantConfig tenant = TenantSection.read(s);
    StoreConfig store = StoreSection.read(s);
    List<RouteConfig> routes = RoutesSection.read(s, tenant != null);
    // after routes: the SCIM base path must not swallow a route
    ScimConfig scim = ScimSection.read(s, routes);
    RequireSection.directoryNeedsScim(errors, routes, scim);
    RequireSection.accessPackageNeedsGraph(errors, routes, tenant);
    PimSection.needsClientSecret(errors, routes, tenant);
    AuditConfig audit = AuditSection.read(s);
    SessionsConfig sessions = SessionsSection.read(s);
    GraphConfig graph = GraphSection.read(s, tenant);
    AssertionConfig assertion = AssertionSection.read(s);
    SallyportConfig config = new SallyportConfig(source, listeners, proxy, accessLog, tenant, store, routes, scim,
        audit, sessions, graph, assertion);
    errors.throwIfAny();
    return config;
  }
}
