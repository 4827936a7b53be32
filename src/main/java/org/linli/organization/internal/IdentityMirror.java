package org.linli.organization.internal;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.linli.organization.CandidateGroups;
import org.linli.organization.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Mirrors staff, groups and memberships into the engine's identity service, so that Camunda's
 * Tasklist, Cockpit and authorizations see the same people. Runs inside the caller's transaction.
 */
@Component
public class IdentityMirror {

  static final String GROUP_TYPE = "LINLI";

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  IdentityMirror(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  public void saveUser(StaffMember s, String password) {
    User user = identity.createUserQuery().userId(s.username()).singleResult();
    if (user == null) {
      user = identity.newUser(s.username());
      if (password == null || password.isBlank()) {
        throw new IllegalArgumentException("a new user needs a password: " + s.username());
      }
      user.setPassword(password);
    } else if (password != null && !password.isBlank()) {
      user.setPassword(password);
    }
    // Chinese names are not split into first and last; the engine shows "first last"
    user.setFirstName(s.name());
    user.setLastName("");
    user.setEmail(s.email());
    identity.saveUser(user);
    join(s.username(), CandidateGroups.STAFF, "Linli 工作人员");
  }

  /**
   * Staff hold no engine authorizations: Linli's API and pages are their way in, and the engine's
   * REST API and webapps are for administrators. Grants that earlier versions gave every member of
   * staff (Tasklist, process definitions, filters, decision tables) are withdrawn at start-up.
   */
  @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void withdrawStaffGrants() {
    for (Authorization auth : authorizations.createAuthorizationQuery().groupIdIn(CandidateGroups.STAFF).list()) {
      authorizations.deleteAuthorization(auth.getId());
    }
  }

  public void join(String username, String groupId, String groupName) {
    ensureGroup(groupId, groupName);
    if (identity.createUserQuery().userId(username).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(username, groupId);
    }
  }

  private void ensureGroup(String groupId, String groupName) {
    if (identity.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    Group group = identity.newGroup(groupId);
    group.setName(groupName);
    group.setType(Groups.CAMUNDA_ADMIN.equals(groupId) ? Groups.GROUP_TYPE_SYSTEM : GROUP_TYPE);
    identity.saveGroup(group);
    if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
      // as Camunda's own admin set-up does: every resource, every permission
      for (Resources resource : Resources.values()) {
        grant(groupId, resource, Authorization.ANY, Permissions.ALL);
      }
    }
  }

  /** One authorization per group, resource and id holds all its permissions: add to it, once. */
  private void grant(String groupId, Resource resource, String resourceId, Permissions permission) {
    Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    } else if (auth.isPermissionGranted(permission)) {
      return;
    }
    auth.addPermission(permission);
    authorizations.saveAuthorization(auth);
  }

}
