package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Who may read a PIM collection beyond its Graph permission. Directory roles and PIM for Groups
 * differ here, and each applies its rule alike to schedule instances and schedule requests.
 */
interface PimAccess {

  /** Checked before a tenant-wide listing (not before filterByCurrentUser, which is always the caller's own). */
  void requireListable(GraphCaller caller, ODataQuery query);

  /** Checked before one item is served by id. */
  void requireReadable(GraphCaller caller, JsonObject item);

  /**
   * Directory roles: a delegated caller reading tenant-wide must hold a directory role that may read
   * role assignments (graph-docs rbac-pim-entra-roles-apis); its own items it may always read.
   */
  record DirectoryReaders(Context ctx) implements PimAccess {

    /** Global Administrator, Global Reader, Privileged Role Administrator, Security Administrator/Operator/Reader. */
    private static final Set<String> READER_ROLES = Set.of("62e90394-69f5-4237-9190-012177145e10",
        "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "e8611ab8-c189-46e8-94e1-60213ab1f814",
        "194ae4cb-b126-40b2-bd5b-6091b380977d", "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
        "5d6b6bb7-de71-4623-b4af-96380a352509");

    @Override
    public void requireListable(GraphCaller caller, ODataQuery query) {
      requireTenantReader(caller);
    }

    @Override
    public void requireReadable(GraphCaller caller, JsonObject item) {
      if (!(caller.delegated() && caller.userId().equalsIgnoreCase(item.getString("principalId")))) {
        requireTenantReader(caller);
      }
    }

    private void requireTenantReader(GraphCaller caller) {
      if (caller.delegated() && ctx.state().activeRoles(caller.userId()).stream().noneMatch(READER_ROLES::contains)) {
        throw GraphError.forbidden();
      }
    }
  }

  /** PIM for Groups: listing needs a {@code groupId eq} or {@code principalId eq} filter, as in Graph. */
  record GroupOrPrincipalFilter() implements PimAccess {

    @Override
    public void requireListable(GraphCaller caller, ODataQuery query) {
      boolean ok = query.filter().map(f -> f.equalityValue("groupId").isPresent()
          || f.equalityValue("principalId").isPresent()).orElse(false);
      if (!ok) {
        throw new GraphError(400, "BadRequest", "A filter on groupId or principalId is required: use $filter=groupId"
            + " eq '{groupId}' or $filter=principalId eq '{principalId}'.");
      }
    }

    @Override
    public void requireReadable(GraphCaller caller, JsonObject item) {
      // any caller with the Graph permission may read one group schedule item
    }
  }
}
