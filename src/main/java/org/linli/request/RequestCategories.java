package org.linli.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.organization.OrganizationService;
import org.linli.organization.Routing;
import org.linli.request.internal.CategoryRepository;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The request catalogue, kept as data a process designer can change. */
@Service
public class RequestCategories {

  private final CategoryRepository repository;
  private final OrganizationService organization;

  RequestCategories(CategoryRepository repository, OrganizationService organization) {
    this.repository = repository;
    this.organization = organization;
  }

  public List<RequestCategory> all() {
    return repository.all();
  }

  public Optional<RequestCategory> byCode(String code) {
    return code == null ? Optional.empty() : repository.byCode(code);
  }

  /** Creates or changes a category; requests already running keep the routing they were given. */
  @Transactional
  public RequestCategory save(RequestCategory c) {
    List<FieldError> errors = new ArrayList<>();
    if (c.code() == null || !c.code().matches("[a-z][a-z0-9_]{1,31}")) {
      errors.add(new FieldError("code", "must be 2-32 lower-case letters, digits or '_'"));
    }
    if (c.name() == null || c.name().isBlank() || c.name().length() > 100) {
      errors.add(new FieldError("name", "must be 1-100 characters"));
    }
    if (c.nameEn() == null || c.nameEn().isBlank() || c.nameEn().length() > 100) {
      errors.add(new FieldError("nameEn", "must be 1-100 characters"));
    }
    if (c.type() == null) {
      errors.add(new FieldError("type", "must be CONSULTATION, HELP or COMPLAINT"));
    }
    if (c.handlingLevel() == null) {
      errors.add(new FieldError("handlingLevel", "must be VILLAGE, TOWNSHIP or DEPARTMENT"));
    }
    boolean knownDepartment =
        c.departmentCode() != null
            && organization.departments().stream().anyMatch(d -> d.code().equals(c.departmentCode()));
    if (c.handlingLevel() == Routing.Level.DEPARTMENT && !knownDepartment) {
      errors.add(new FieldError("departmentCode", "a department-level category needs an existing department"));
    } else if (c.departmentCode() != null && !knownDepartment) {
      errors.add(new FieldError("departmentCode", "no department " + c.departmentCode()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    repository.save(c);
    return c;
  }
}
