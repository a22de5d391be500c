package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.AppRegistration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may read and change app registrations. {@code Application.ReadWrite.OwnedBy} (app-only) reaches
 * only the applications the calling app created, as in Entra, where the creator becomes an owner;
 * the broader permissions reach every app.
 */
final class AppAccess {

  private static final String OWNED_BY = "Application.ReadWrite.OwnedBy";
  private static final String[] READ_ALL = {"Application.Read.All", "Application.ReadWrite.All",
      "Directory.Read.All", "Directory.ReadWrite.All"};
  private static final String[] WRITE_ALL = {"Application.ReadWrite.All", "Directory.ReadWrite.All"};

  /** Application object id -> appId of the app that created it. */
  private final Map<String, String> creators = new ConcurrentHashMap<>();

  /** @param app null for collection reads, where each item is then filtered with {@link #mayRead} */
  void requireRead(GraphCaller caller, AppRegistration app) {
    caller.requireAny(Permissions.APPS_READ);
    if (app != null && !mayRead(caller, app)) {
      throw GraphError.forbidden();
    }
  }

  boolean mayRead(GraphCaller caller, AppRegistration app) {
    return holds(caller, READ_ALL) || holds(caller, OWNED_BY) && owns(caller, app);
  }

  void requireWrite(GraphCaller caller, AppRegistration app) {
    caller.requireAny(Permissions.APPS_WRITE);
    if (!holds(caller, WRITE_ALL) && !owns(caller, app)) {
      throw GraphError.forbidden();
    }
  }

  void requireCreate(GraphCaller caller) {
    caller.requireAny(Permissions.APPS_WRITE);
  }

  void recordOwner(GraphCaller caller, String objectId) {
    if (caller.appId() != null) {
      creators.put(objectId.toLowerCase(Locale.ROOT), caller.appId());
    }
  }

  boolean owns(GraphCaller caller, AppRegistration app) {
    String creator = creators.get(app.objectId().toLowerCase(Locale.ROOT));
    return creator != null && creator.equalsIgnoreCase(caller.appId());
  }

  private static boolean holds(GraphCaller caller, String... permissions) {
    Set<String> held = caller.delegated() ? caller.scopes() : caller.roles();
    return Arrays.stream(permissions).anyMatch(p -> held.contains(p.toLowerCase(Locale.ROOT)));
  }
}
