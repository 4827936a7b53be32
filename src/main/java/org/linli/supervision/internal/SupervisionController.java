package org.linli.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linli.casefile.CaseFile;
import org.linli.security.CurrentUser;
import org.linli.supervision.Urging;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "督查 Supervision", description = "Urging cases of your area")
class SupervisionController {

  record UrgeForm(String note) {}

  private final Urging urging;
  private final CurrentUser currentUser;

  SupervisionController(Urging urging, CurrentUser currentUser) {
    this.urging = urging;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/cases/{number}/urge")
  @Operation(summary = "Urge (督办) an open case of your area: flagged, recorded and its owners mailed; once a day")
  CaseFile urge(@PathVariable String number, @RequestBody UrgeForm form) {
    return urging.urge(currentUser.get(), number, form == null ? null : form.note());
  }
}
