package org.linli.organization.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.linli.organization.Department;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.organization.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the fictional county of the demo (profile {@code demo}), and only into a database that
 * has no divisions yet: never over real data.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "linli.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  record DemoRole(Role role, String division, String department) {}

  record DemoStaff(String username, String name, String email, String phone, List<DemoRole> roles) {}

  record DemoData(
      String password, List<Division> divisions, List<Department> departments, List<DemoStaff> staff) {}

  private final OrganizationService organization;
  private final TransactionTemplate tx;
  private final ObjectMapper mapper;

  DemoDataLoader(OrganizationService organization, TransactionTemplate tx, ObjectMapper mapper) {
    this.organization = organization;
    this.tx = tx;
    this.mapper = mapper;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (!organization.isEmpty()) {
      log.info("Demo data not loaded: the database already holds an organisation.");
      return;
    }
    DemoData data;
    try (InputStream in = new ClassPathResource("demo/organization.json").getInputStream()) {
      data = mapper.readValue(in, DemoData.class);
    }
    tx.executeWithoutResult(
        status -> {
          data.divisions().stream()
              .sorted((a, b) -> Integer.compare(a.code().length(), b.code().length()))
              .forEach(organization::addDivision);
          data.departments().forEach(organization::addDepartment);
          for (DemoStaff s : data.staff()) {
            organization.saveStaff(new StaffMember(s.username(), s.name(), s.email(), s.phone(), true), data.password());
            for (DemoRole r : s.roles()) {
              organization.assignRole(s.username(), new RoleAssignment(r.role(), r.division(), r.department()));
            }
          }
        });
    log.info(
        "Demo data loaded: {} divisions, {} departments, {} staff (password '{}').",
        data.divisions().size(),
        data.departments().size(),
        data.staff().size(),
        data.password());
  }
}
