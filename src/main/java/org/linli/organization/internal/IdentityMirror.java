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
    if (CandidateGroups.STAFF.equals(groupId)) {
      grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      grant(groupId, Resources.FILTER, "*", Permissions.READ);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permissions permission) {
    Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(groupId);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    auth.addPermission(permission);
    authorizations.saveAuthorization(auth);
  }
}
