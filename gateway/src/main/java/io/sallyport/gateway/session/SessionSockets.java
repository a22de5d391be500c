package io.sallyport.gateway.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket tunnels open on this node per session, so that ending a session closes them at
 * once: an open socket never asks again, so revocation has to reach it. Shared by every event loop;
 * a closer may be run from any thread (Vert.x sockets close on their own context).
 */
public final class SessionSockets {

  private record Open(String userKey, Set<Runnable> closers) {}

  private final Map<String, Open> open = new ConcurrentHashMap<>();

  /** @return what to call when the tunnel closes by itself */
  public Runnable register(String sessionId, String userKey, Runnable closer) {
    open.computeIfAbsent(sessionId, k -> new Open(userKey, ConcurrentHashMap.newKeySet())).closers().add(closer);
    return () -> open.computeIfPresent(sessionId, (k, o) -> {
      o.closers().remove(closer);
      return o.closers().isEmpty() ? null : o;
    });
  }

  /** Closes every tunnel of the session; how many there were. */
  public int closeSession(String sessionId) {
    Open o = open.remove(sessionId);
    if (o == null) {
      return 0;
    }
    o.closers().forEach(Runnable::run);
    return o.closers().size();
  }

  /** Closes every tunnel of every session of the user (deprovisioning); how many there were. */
  public int closeUser(String userKey) {
    int n = 0;
    for (Map.Entry<String, Open> e : open.entrySet()) {
      if (e.getValue().userKey().equals(userKey)) {
        n += closeSession(e.getKey());
      }
    }
    return n;
  }

  public int count(String sessionId) {
    Open o = open.get(sessionId);
    return o == null ? 0 : o.closers().size();
  }
}
