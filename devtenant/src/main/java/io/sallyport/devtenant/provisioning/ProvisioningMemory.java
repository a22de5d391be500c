package io.sallyport.devtenant.provisioning;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the provisioning job remembers between cycles, as Entra's does: the target id of every
 * object it matched or created (so later operations and deprovisioning use that id), which users it
 * already deactivated, and the memberships it pushed (Entra reads groups without members, so what
 * it removes is what it once added).
 */
final class ProvisioningMemory {

  final Map<String, String> userIds = new ConcurrentHashMap<>();
  final Set<String> deactivated = ConcurrentHashMap.newKeySet();
  final Map<String, String> groupIds = new ConcurrentHashMap<>();
  final Map<String, Set<String>> members = new ConcurrentHashMap<>();

  Set<String> pushedMembers(String scimGroupId) {
    return members.computeIfAbsent(scimGroupId, k -> ConcurrentHashMap.newKeySet());
  }
}
