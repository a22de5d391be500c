package io.sallyport.gateway.directory;

import io.sallyport.gateway.store.EventChannel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every node that directory facts changed, after the write committed, so each node's
 * {@link DirectoryFactsCache} drops what it holds: {@value #USER_TOPIC} for a user's own record
 * ({@code {"id","userNames":[...],"externalId"}}) or group memberships ({@code {"ids":[...]}}),
 * {@value #GROUP_TOPIC} for a group renamed or deleted ({@code {"id"}}). Best effort: a lost event
 * is bounded by the cache's time to live, so a failed publish is logged, never the SCIM client's error.
 */
public final class DirectoryChanges {

  public static final String USER_TOPIC = "directory.user.changed";
  public static final String GROUP_TOPIC = "directory.group.changed";
  /** User ids per membership event: about 40 bytes each, well under the channel's payload limit. */
  static final int IDS_PER_EVENT = 100;

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryChanges.class);

  private final EventChannel events;

  public DirectoryChanges(EventChannel events) {
    this.events = events;
  }

  /** For storage used without a running gateway (tests of the SPI alone): nobody to tell. */
  public static DirectoryChanges none() {
    return new DirectoryChanges(null);
  }

  /** A user created, replaced or deleted; {@code userNames} before and after a rename. Never fails. */
  public Future<Void> user(String id, List<String> userNames, String externalId) {
    JsonArray names = new JsonArray();
    userNames.stream().distinct().forEach(names::add);
    return publish(USER_TOPIC, new JsonObject().put("id", id).put("userNames", names).put("externalId", externalId));
  }

  /** Users added to or removed from a group. Never fails. */
  public Future<Void> members(Collection<String> userIds) {
    List<Future<Void>> sent = new ArrayList<>();
    List<String> ids = List.copyOf(userIds);
    for (int from = 0; from < ids.size(); from += IDS_PER_EVENT) {
      JsonArray chunk = new JsonArray(new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_EVENT))));
      sent.add(publish(USER_TOPIC, new JsonObject().put("ids", chunk)));
    }
    return Future.join(sent).mapEmpty();
  }

  /** A group renamed, replaced or deleted (its members' facts name it). Never fails. */
  public Future<Void> group(String id) {
    return publish(GROUP_TOPIC, new JsonObject().put("id", id));
  }

  private Future<Void> publish(String topic, JsonObject payload) {
    if (events == null) {
      return Future.succeededFuture();
    }
    return events.publish(topic, payload.encode()).otherwise(t -> {
      LOG.warn("directory: could not publish {} (nodes keep cached facts up to their time to live): {}",
          topic, t.toString());
      return null;
    });
  }
}
