package io.sallyport.devtenant.state;

import java.time.Instant;

/**
 * A PIM schedule instance for a directory role: {@code eligible} or {@code active}. Active
 * instances carry assignmentType {@code Assigned} (admin) or {@code Activated} (self-activation).
 * An instance counts only while the scenario clock is inside [start, end).
 */
public record RoleInstance(String id, String kind, String principalId, String roleDefinitionId,
    String directoryScopeId, Instant start, Instant end, String assignmentType, String memberType,
    String scheduleId) {

  public boolean currentAt(Instant now) {
    return (start == null || !now.isBefore(start)) && (end == null || now.isBefore(end));
  }

  public RoleInstance endingAt(Instant at) {
    return new RoleInstance(id, kind, principalId, roleDefinitionId, directoryScopeId, start, at, assignmentType,
        memberType, scheduleId);
  }
}
