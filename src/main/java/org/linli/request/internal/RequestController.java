package org.linli.request.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.organization.Role;
import org.linli.request.IntakeForm;
import org.linli.request.RequestCategories;
import org.linli.request.RequestCategory;
import org.linli.request.RequestIntake;
import org.linli.request.ResidentRatings;
import org.linli.request.ResidentRequest;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "民呼我为 Resident requests", description = "Intake, request details, the catalogue and the resident's rating")
class RequestController {

  record RequestDetail(CaseFile caseFile, ResidentRequest request) {}

  record RatingForm(String rating, @Size(max = 2000) String comment) {}

  private final RequestIntake intake;
  private final RequestCategories categories;
  private final ResidentRatings ratings;
  private final ResidentRequestRepository requests;
  private final CaseFiles cases;
  private final CurrentUser currentUser;
  private final RequestViews views;

  RequestController(RequestIntake intake, RequestCategories categories, ResidentRatings ratings,
      ResidentRequestRepository requests, CaseFiles cases, CurrentUser currentUser, RequestViews views) {
    this.views = views;
    this.intake = intake;
    this.categories = categories;
    this.ratings = ratings;
    this.requests = requests;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/public/requests")
  @Operation(summary = "Submit a request without signing in (portal or API channel)")
  ResponseEntity<RequestIntake.Receipt> submitPublic(@Valid @RequestBody IntakeForm form) {
    RequestIntake.Receipt receipt = intake.submitPublic(form);
    return ResponseEntity.created(URI.create("/api/requests/" + receipt.caseNumber())).body(receipt);
  }

  @PostMapping("/api/requests")
  @Operation(summary = "Take a request in as staff (hotline, grid worker, on a resident's behalf)")
  ResponseEntity<RequestIntake.Receipt> submit(@Valid @RequestBody IntakeForm form) {
    RequestIntake.Receipt receipt = intake.submitByStaff(form, currentUser.get());
    return ResponseEntity.created(URI.create("/api/requests/" + receipt.caseNumber())).body(receipt);
  }

  @GetMapping("/api/requests/{number}")
  @Transactional
  @Operation(summary = "A request of your area: the case record and what the resident told us; their contact data whole"
      + " (and logged) only while you act on one of its steps, masked otherwise")
  RequestDetail get(@PathVariable String number) {
    LinliUser user = currentUser.get();
    CaseFile c = cases.visible(number, user.scope());
    ResidentRequest r = requests.byCaseNumber(number).orElseThrow(() -> new NotFoundException("no request " + number));
    return new RequestDetail(c, views.as(r, user));
  }

  @PostMapping("/api/public/ratings/{token}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "The resident rates the reply through the link that came with it")
  void rate(@PathVariable String token, @Valid @RequestBody RatingForm form) {
    ratings.rate(token, form.rating(), form.comment());
  }

  @GetMapping({"/api/public/request-categories", "/api/request-categories"})
  @Operation(summary = "The request catalogue")
  List<RequestCategory> categories() {
    return categories.all();
  }

  @PutMapping("/api/request-categories/{code}")
  @Operation(summary = "Create or change a category (process designers and administrators)")
  RequestCategory saveCategory(@PathVariable String code, @RequestBody RequestCategory category) {
    LinliUser user = currentUser.get();
    if (!user.inGroup(Role.DESIGNER.groupPrefix()) && !user.inGroup(Role.ADMIN.groupPrefix())) {
      throw new ForbiddenException("only process designers and administrators change the catalogue");
    }
    if (category.code() != null && !category.code().equals(code)) {
      throw new InvalidInputException("code", "must match the path");
    }
    return categories.save(new RequestCategory(code, category.name(), category.nameEn(), category.type(),
        category.handlingLevel(), category.departmentCode(), category.sortOrder(),
        category.active()));
  }
}
