package org.linli.security;

import java.security.Principal;
import java.util.Set;
import org.linli.organization.Scope;

/** The signed-in user: who, in which candidate groups, and which cases they may see. */
public record LinliUser(String username, String name, Set<String> groups, Scope scope) implements Principal {

  /** The user name, so that Spring Security's {@code Authentication.getName()} is the user id. */
  @Override
  public String getName() {
    return username;
  }

  public boolean inGroup(String group) {
    return group != null && groups.contains(group);
  }

  /** Whether the user holds the role anywhere. */
  public boolean holds(org.linli.organization.Role role) {
    return groups.stream().map(org.linli.organization.CandidateGroups::parse)
        .anyMatch(a -> a.isPresent() && a.get().role() == role);
  }
}
