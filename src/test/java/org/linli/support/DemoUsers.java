package org.linli.support;

import org.linli.organization.OrganizationService;
import org.linli.security.LinliUser;
import org.springframework.stereotype.Component;

/** The demo staff as the security layer sees them, for tests that call services directly. */
@Component
public class DemoUsers {

  private final OrganizationService organization;

  DemoUsers(OrganizationService organization) {
    this.organization = organization;
  }

  public LinliUser get(String username) {
    String name = organization.staff(username).orElseThrow().name();
    return new LinliUser(username, name, organization.groupsOf(username), organization.scopeOf(username));
  }
}
