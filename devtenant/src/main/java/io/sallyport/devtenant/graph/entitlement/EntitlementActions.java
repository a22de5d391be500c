package io.sallyport.devtenant.graph.entitlement;

import io.sallyport.devtenant.state.AccessPackage;
import io.sallyport.devtenant.state.PackageAssignment;
import io.sallyport.devtenant.state.TenantState;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Access-package assignment changes on the scenario clock, shared by the Graph request endpoint and
 * the control API. A removed assignment is kept and reads {@code expired} (v1.0's state enum has no
 * "removed"), so Graph keeps serving it as Entra does for ended assignments.
 */
public final class EntitlementActions {

  private final TenantState state;

  public EntitlementActions(TenantState state) {
    this.state = state;
  }

  /**
   * Delivers the package to the user from now until {@code end} (null: no expiration). Throws
   * NoSuchElementException for an unknown package or user.
   */
  public PackageAssignment assign(String packageId, String userId, Instant end) {
    AccessPackage p = state.accessPackages.find(packageId)
        .orElseThrow(() -> new NoSuchElementException("no access package " + packageId));
    String user = state.users.find(userId).orElseThrow(() -> new NoSuchElementException("no user " + userId)).id();
    return state.packageAssignments.put(new PackageAssignment(UUID.randomUUID().toString(), p.id(), p.policyId(),
        user, "delivered", state.clock().instant(), end));
  }

  /** Ends the assignment now: it reads expired from here on. Empty if there is no such assignment. */
  public Optional<PackageAssignment> remove(String assignmentId) {
    Instant now = state.clock().instant();
    return state.packageAssignments.update(assignmentId, a -> a.withState("expired",
        a.end() != null && a.end().isBefore(now) ? a.end() : now));
  }

  /** The user's assignment to the package that is delivered right now, if any. */
  public Optional<PackageAssignment> delivered(String packageId, String userId) {
    Instant now = state.clock().instant();
    return state.packageAssignments.where(a -> a.packageId().equalsIgnoreCase(packageId)
        && a.targetId().equalsIgnoreCase(userId) && a.stateAt(now).equals("delivered")).stream().findFirst();
  }
}
