package io.sallyport.devtenant.state;

import java.time.Instant;

/**
 * A PIM-for-Groups schedule instance: {@code eligible} or {@code active} membership or ownership
 * ({@code accessId} member or owner). An active member instance makes the user a member of the
 * group for as long as it is current, as in Entra.
 */
public record GroupInstance(String id, String kind, String principalId, String groupId, String accessId,
    Instant start, Instant end, String assignmentType, String memberType, String scheduleId) {

  public boolean currentAt(Instant now) {
    return (start == null || !now.isBefore(start)) && (end == null || now.isBefore(end));
  }

  public GroupInstance endingAt(Instant at) {
    return new GroupInstance(id, kind, principalId, groupId, accessId, start, at, assignmentType, memberType,
        scheduleId);
  }
}
