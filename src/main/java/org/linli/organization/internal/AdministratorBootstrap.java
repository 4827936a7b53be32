package org.linli.organization.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.organization.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nobody can take over a fresh install: the first administrator comes from configuration (and gets
 * the configured password at every start while it is configured), and the service refuses to start
 * without one (Camunda's set-up page, which would let the first visitor
 * create one, is closed by the security configuration). Before the web server opens it checks
 * the configured password and, in production, that no demo data or demo user is there; once the
 * demo county has loaded (profile {@code demo}) it checks again that an administrator exists.
 */
@Component
@Order(100)
class AdministratorBootstrap implements SmartInitializingSingleton, ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

  static final int MIN_PASSWORD_LENGTH = 12;
  /** Passwords any attacker tries first. */
  static final Set<String> WELL_KNOWN = Set.of("demo", "admin", "administrator", "password", "passw0rd", "camunda",
      "changeme", "change-me", "secret", "linli", "123456", "12345678", "123456789", "1234567890", "qwerty", "root");

  private final AdministratorProperties properties;
  private final boolean demo;
  private final boolean production;
  private final OrganizationService organization;
  private final IdentityService identity;
  private final TransactionTemplate tx;
  private final ObjectMapper json;

  /**
   * @param production {@code linli.production}, true in the {@code prod} profile: no demo data and
   *     no demo user, ever
   */
  AdministratorBootstrap(AdministratorProperties properties, @Value("${linli.demo.enabled:false}") boolean demo,
      @Value("${linli.production:false}") boolean production, OrganizationService organization, IdentityService identity,
      TransactionTemplate tx, ObjectMapper json) {
    this.properties = properties;
    this.demo = demo;
    this.production = production;
    this.organization = organization;
    this.identity = identity;
    this.tx = tx;
    this.json = json;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (production) {
      if (demo) {
        throw new IllegalStateException("The prod profile never loads the demo county: remove the demo profile or linli.demo.enabled.");
      }
      List<String> found = demoUsersPresent();
      if (!found.isEmpty()) {
        throw new IllegalStateException("Demo users exist in this database (" + String.join(", ", found)
            + "): a production install must not have them. Use a fresh database, or delete those users in Camunda Admin.");
      }
    }
    if (properties.username() != null) {
      String problem = passwordProblem(properties.username(), properties.password());
      if (problem != null) {
        throw new IllegalStateException("linli.admin.password (LINLI_ADMIN_PASSWORD) " + problem);
      }
      tx.executeWithoutResult(s -> ensureAdministrator());
    }
    if (!demo) {
      requireAdministrator();
    }
  }

  /** The demo county, when it loads, brings its own administrator; after it nobody may be missing. */
  @Override
  public void run(ApplicationArguments args) {
    requireAdministrator();
  }

  /** Creates the configured administrator, or gives an existing one the configured password. */
  private void ensureAdministrator() {
    String username = properties.username();
    StaffMember staff = organization.staff(username)
        .orElseGet(() -> new StaffMember(username, properties.name(), properties.email(), null, true));
    organization.saveStaff(staff, properties.password());
    organization.assignRole(username, new RoleAssignment(Role.ADMIN, null, null));
    log.info("Administrator {} set up from configuration.", username);
  }

  private void requireAdministrator() {
    if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      throw new IllegalStateException("No administrator exists. Set LINLI_ADMIN_USERNAME and LINLI_ADMIN_PASSWORD (at least "
          + MIN_PASSWORD_LENGTH + " characters) for the first start; see docs/security.md.");
    }
  }

  /** Why a password will not do, or null. */
  static String passwordProblem(String username, String password) {
    if (password == null || password.isBlank()) {
      return "is empty";
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      return "has fewer than " + MIN_PASSWORD_LENGTH + " characters";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (WELL_KNOWN.contains(lower) || lower.equals(username.toLowerCase(Locale.ROOT)) || lower.chars().distinct().count() < 4) {
      return "is a default or too easily guessed";
    }
    return null;
  }

  /** Users of the demo county that exist here. */
  private List<String> demoUsersPresent() {
    List<String> found = new ArrayList<>();
    try (InputStream in = new ClassPathResource("demo/organization.json").getInputStream()) {
      for (JsonNode staff : json.readTree(in).path("staff")) {
        String username = staff.path("username").asText();
        // the configured administrator may share a demo name: it gets the configured password
        if (!username.equals(properties.username()) && identity.createUserQuery().userId(username).count() > 0) {
          found.add(username);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the list of demo users", e);
    }
    return found;
  }
}
