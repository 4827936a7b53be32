package org.linli.casefile.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.linli.casefile.Page;
import org.linli.casefile.PersonalData;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.linli.system.TypedFields;

/** Administrators read who saw which personal data whole, when and why (the security chain admits only them). */
@RestController
@Validated
@Tag(name = "管理 Administration", description = "For administrators: the personal-data view log and sign-in waits")
class PersonalDataLogController {

  private final PersonalData personalData;

  PersonalDataLogController(PersonalData personalData) {
    this.personalData = personalData;
  }

  @GetMapping("/api/admin/personal-data-views")
  @Operation(summary = "Whole views of personal data by staff, and disclosures to other systems, newest first")
  Page<PersonalData.View> views(
      @RequestParam(required = false) @Parameter(description = "a case number") String caseNumber,
      @RequestParam(required = false) @Parameter(description = "a user name or system") String viewedBy,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return personalData.log(TypedFields.text(caseNumber), TypedFields.text(viewedBy), from, to, page, size);
  }
}
