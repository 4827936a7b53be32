package org.linli.assistance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.linli.assistance.AssistanceIntake;
import org.linli.assistance.AssistanceObjections;
import org.linli.assistance.HouseholdApplication;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.organization.CandidateGroups;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社会救助 Social assistance", description = "Applications entered at the village, objections during the notice")
class AssistanceController {

  record Objection(String reason) {}

  private final AssistanceIntake intake;
  private final AssistanceObjections objections;
  private final CaseFiles cases;
  private final CurrentUser currentUser;

  AssistanceController(AssistanceIntake intake, AssistanceObjections objections, CaseFiles cases, CurrentUser currentUser) {
    this.intake = intake;
    this.objections = objections;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  // no @Valid: AssistanceFiles.check reports every problem with its path (members[1].idNumber)
  @PostMapping("/api/assistance/applications")
  @Operation(summary = "Enter a household's application (village caseworkers of its village); answers the case number")
  ResponseEntity<AssistanceIntake.Receipt> apply(@RequestBody HouseholdApplication application,
      @RequestParam(defaultValue = "false") boolean urgent) {
    AssistanceIntake.Receipt receipt = intake.apply(application, currentUser.get(), urgent);
    return ResponseEntity.created(URI.create("/cases/" + receipt.caseNumber())).body(receipt);
  }

  @PostMapping("/api/assistance/cases/{number}/objections")
  @Operation(summary = "Record an objection raised during the public notice (公示): back to verification; the caseworkers"
      + " of the household's village and the officers of its township, who hold the notice, take objections")
  ResponseEntity<Void> object(@PathVariable String number, @RequestBody Objection objection) {
    LinliUser user = currentUser.get();
    CaseFile c = cases.visible(number, user.scope()); // outside the user's area: not found
    // an objection changes the approval's path: only those who hold the notice record one
    if (!user.inGroup(CandidateGroups.caseworkers(c.divisionCode())) && !user.inGroup(CandidateGroups.township(c.townshipCode()))) {
      throw new ForbiddenException("只有本村（社区）救助经办人和乡镇可以登记公示异议"
          + " only the village's caseworkers and the township record objections to the notice");
    }
    objections.object(number, objection == null ? null : objection.reason());
    return ResponseEntity.noContent().build();
  }
}
