package io.sallyport.devtenant.state;

import java.time.Instant;
import java.util.List;

/** A directory group; members are user or group ids (groups nest), owners user ids. */
public record Group(String id, String displayName, String description, boolean securityEnabled,
    boolean mailEnabled, String mailNickname, List<String> members, List<String> owners, Instant createdAt) {

  public Group withMembers(List<String> next) {
    return new Group(id, displayName, description, securityEnabled, mailEnabled, mailNickname, List.copyOf(next),
        owners, createdAt);
  }
}
