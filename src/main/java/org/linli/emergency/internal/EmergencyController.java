package org.linli.emergency.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import org.linli.casefile.CaseAttachment;
import org.linli.system.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.emergency.EmergencyLevels;
import org.linli.emergency.EmergencyProcess;
import org.linli.emergency.EmergencyReports;
import org.linli.emergency.Incident;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "平战一体 Emergency response", description = "Reports, graded response, level changes")
class EmergencyController {

  record LevelChange(String level, String reason) {}

  record LevelChanged(String caseNumber, IncidentLevel level) {}

  private final EmergencyReports reports;
  private final EmergencyLevels levels;
  private final IncidentRepository incidents;
  private final CaseFiles cases;
  private final CurrentUser currentUser;
  private final ScenePhotos photos;

  EmergencyController(EmergencyReports reports, EmergencyLevels levels, IncidentRepository incidents, CaseFiles cases,
      CurrentUser currentUser, ScenePhotos photos) {
    this.photos = photos;
    this.reports = reports;
    this.levels = levels;
    this.incidents = incidents;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/emergency/incidents")
  @Operation(summary = "Report a warning or an incident of the user's area; it is graded at once and the response activated")
  ResponseEntity<EmergencyReports.Receipt> report(@RequestBody IncidentReport report) {
    EmergencyReports.Receipt receipt = reports.report(report, currentUser.get());
    return ResponseEntity.created(URI.create("/cases/" + receipt.caseNumber())).body(receipt);
  }

  @PostMapping(path = "/api/emergency/incidents/{number}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Add a photo from the scene while the emergency runs (JPEG, PNG or WebP, size limit linli.attachments.max-bytes, 30 a case); 409 after the all-clear")
  @Transactional
  ResponseEntity<CaseAttachment> photo(@PathVariable String number, @RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    LinliUser user = currentUser.get();
    CaseFile c = emergency(number, user);
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "请选择照片 choose a photo");
    }
    CaseAttachment a = photos.addLater(c, file.getOriginalFilename(), file.getBytes(), user.username());
    return ResponseEntity.created(URI.create("/cases/" + number + "/attachments/" + a.id())).body(a);
  }

  @GetMapping("/api/emergency/incidents/{number}")
  @Operation(summary = "The incident of an emergency case: level, type, place, figures as last reported")
  Incident incident(@PathVariable String number) {
    CaseFile c = emergency(number, currentUser.get());
    return incidents.byCase(c.id()).orElseThrow(() -> new NotFoundException("没有这个突发事件 no emergency " + number));
  }

  private CaseFile emergency(String number, LinliUser user) {
    CaseFile c = cases.visible(number, user.scope());
    if (!EmergencyProcess.KIND.equals(c.kind())) {
      throw new NotFoundException("没有这个突发事件 no emergency " + number);
    }
    return c;
  }

  @PostMapping("/api/emergency/incidents/{number}/level")
  @Operation(summary = "Raise or lower the level (township, emergency management, the command, supervisors); 409 after the all-clear")
  LevelChanged level(@PathVariable String number, @RequestBody LevelChange change) {
    IncidentLevel level = levels.change(number, change == null ? null : change.level(), change == null ? null : change.reason(),
        currentUser.get());
    return new LevelChanged(number, level);
  }
}
