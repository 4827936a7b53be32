package org.linli.emergency.internal;

import org.linli.casefile.CaseAttachment;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import java.util.ArrayList;
import java.util.List;
import org.linli.emergency.EmergencyReports;
import org.linli.emergency.IncidentReport;
import org.linli.security.LinliUser;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Photos from the scene, images only, on the case and its timeline. */
@Component
class ScenePhotos {

  /** A photo as uploaded. */
  record Photo(String fileName, byte[] bytes) {}

  static final int MAX_PHOTOS = 6;

  private final CaseAttachments attachments;
  private final CaseFiles cases;
  private final EmergencyReports reports;

  ScenePhotos(CaseAttachments attachments, CaseFiles cases, EmergencyReports reports) {
    this.attachments = attachments;
    this.cases = cases;
    this.reports = reports;
  }

  /**
   * The report and its photos in one transaction: a bad photo refuses the whole report (field
   * {@code photos}), so nothing is written.
   */
  @Transactional
  String reportWithPhotos(IncidentReport report, List<Photo> photos, LinliUser reporter) {
    List<FieldError> errors = new ArrayList<>();
    if (photos.size() > MAX_PHOTOS) {
      errors.add(new FieldError("photos", "最多 " + MAX_PHOTOS + " 张照片 at most " + MAX_PHOTOS + " photos"));
    }
    for (Photo p : photos) {
      try {
        attachments.check(p.fileName(), p.bytes(), CaseAttachments.IMAGE_TYPES);
      } catch (InvalidInputException e) {
        errors.add(new FieldError("photos", (p.fileName() == null ? "" : p.fileName() + ": ") + e.errors().get(0).message()));
      }
    }
    if (!errors.isEmpty()) {
      try {
        reports.check(report); // the report's own problems shown with the photos'
      } catch (InvalidInputException e) {
        errors.addAll(0, e.errors());
      }
      throw new InvalidInputException(errors);
    }
    String number = reports.report(report, reporter).caseNumber();
    CaseFile c = cases.byNumber(number).orElseThrow();
    for (Photo p : photos) {
      addPhoto(c, p.fileName(), p.bytes(), reporter.username());
    }
    return number;
  }

  @Transactional
  CaseAttachment addPhoto(CaseFile c, String fileName, byte[] bytes, String by) {
    String type = attachments.check(fileName, bytes, CaseAttachments.IMAGE_TYPES);
    CaseAttachment a = attachments.add(c.id(), fileName, type, bytes, by, false);
    cases.record(c.id(), CaseEventType.COMMENTED, null, null, by, null, "现场照片 photo from the scene: " + a.fileName());
    return a;
  }
}
