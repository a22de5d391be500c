package io.sallyport.devtenant.control;

import io.sallyport.devtenant.state.AccessPackage;
import io.sallyport.devtenant.state.Agreement;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.Group;
import io.sallyport.devtenant.state.RoleDefinition;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.state.User;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Finds tenant objects by id or by the name a test would write, or answers 404 naming what was asked for. */
final class Lookup {

  private final TenantState state;

  Lookup(TenantState state) {
    this.state = state;
  }

  /** By object id or UPN; a bare name without {@code @} means that name at the tenant's domain, as in scenarios. */
  User user(String upnOrOid) {
    return state.userByIdOrUpn(upnOrOid)
        .or(() -> upnOrOid.contains("@") ? java.util.Optional.empty()
            : state.userByIdOrUpn(upnOrOid + "@" + state.info().domain()))
        .orElseThrow(() -> ControlError.notFound("user_not_found",
        "no user with UPN or object id \"" + upnOrOid + "\""));
  }

  /** An app by display name or client id; null picks the scenario's first app. */
  AppRegistration app(String nameOrClientId) {
    List<AppRegistration> apps = state.apps.all();
    if (nameOrClientId == null) {
      return apps.stream().findFirst().orElseThrow(() -> ControlError.notFound("app_not_found",
          "the scenario has no apps to issue tokens to"));
    }
    return state.apps.find(nameOrClientId)
        .or(() -> apps.stream().filter(a -> a.name().equalsIgnoreCase(nameOrClientId)).findFirst())
        .orElseThrow(() -> ControlError.notFound("app_not_found",
            "no app named or with client id \"" + nameOrClientId + "\"; apps: "
                + apps.stream().map(AppRegistration::name).toList()));
  }

  RoleDefinition role(String idOrName) {
    return byIdOrName(state.roles.find(idOrName), state.roles.all(), RoleDefinition::displayName, idOrName)
        .orElseThrow(() -> ControlError.notFound("role_not_found",
            "no directory role with id or display name \"" + idOrName + "\""));
  }

  Group group(String idOrName) {
    return byIdOrName(state.groups.find(idOrName), state.groups.all(), Group::displayName, idOrName)
        .orElseThrow(() -> ControlError.notFound("group_not_found",
            "no group with id or display name \"" + idOrName + "\""));
  }

  Agreement agreement(String idOrName) {
    return byIdOrName(state.agreements.find(idOrName), state.agreements.all(), Agreement::displayName, idOrName)
        .orElseThrow(() -> ControlError.notFound("agreement_not_found",
            "no terms-of-use agreement with id or display name \"" + idOrName + "\""));
  }

  AccessPackage accessPackage(String idOrName) {
    return byIdOrName(state.accessPackages.find(idOrName), state.accessPackages.all(), AccessPackage::displayName,
        idOrName).orElseThrow(() -> ControlError.notFound("package_not_found",
            "no access package with id or display name \"" + idOrName + "\""));
  }

  private static <T> Optional<T> byIdOrName(Optional<T> byId, List<T> all, Function<T, String> name, String wanted) {
    return byId.or(() -> all.stream().filter(t -> wanted.equalsIgnoreCase(name.apply(t))).findFirst());
  }
}
