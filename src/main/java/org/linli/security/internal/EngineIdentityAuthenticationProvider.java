package org.linli.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.linli.organization.CandidateGroups;
import org.linli.organization.OrganizationService;
import org.linli.organization.RoleAssignment;
import org.linli.organization.Scope;
import org.linli.security.LinliUser;
import org.linli.security.LoginThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the engine's identity service, so that Linli, Camunda's webapps and
 * its REST API share one set of users. Groups come from the engine, so memberships made in
 * Camunda Admin count too; their names say the role and place (see {@link CandidateGroups}).
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final OrganizationService organization;
  private final LoginThrottle throttle;

  EngineIdentityAuthenticationProvider(IdentityService identity, OrganizationService organization, LoginThrottle throttle) {
    this.identity = identity;
    this.organization = organization;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    long wait = username == null ? 0 : throttle.retryAfterSeconds(username, LoginThrottle.clientOfCurrentRequest());
    if (wait > 0) {
      throw new LockedException("登录失败次数过多，请 " + wait + " 秒后再试 too many failed sign-ins; try again in " + wait + " s");
    }
    if (username == null || credentials == null || !identity.checkPassword(username, credentials.toString())) {
      throw new BadCredentialsException("wrong user name or password");
    }
    Set<String> groups = new LinkedHashSet<>();
    for (Group g : identity.createGroupQuery().groupMember(username).list()) {
      groups.add(g.getId());
    }
    List<RoleAssignment> roles = new ArrayList<>();
    for (String g : groups) {
      CandidateGroups.parse(g).ifPresent(roles::add);
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    roles.stream()
        .map(RoleAssignment::role)
        .distinct()
        .forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    String name =
        organization
            .staff(username)
            .map(s -> s.name())
            .orElseGet(
                () -> {
                  User user = identity.createUserQuery().userId(username).singleResult();
                  return user == null || user.getFirstName() == null ? username : user.getFirstName();
                });
    LinliUser principal = new LinliUser(username, name, Set.copyOf(groups), Scope.of(roles));
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
