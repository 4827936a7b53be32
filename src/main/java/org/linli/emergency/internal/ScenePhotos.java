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
import org.linli.system.Bilingual;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Photos from the scene, images only, on the case and its timeline. */
@Component
class ScenePhotos {

  /** A photo as uploaded. */
  record Photo(String fileName, byte[] bytes) {}

  /** Photos in one report. */
  static final int MAX_PHOTOS = 6;
  /** Photos on one case, reports and later additions together. */
  static final int MAX_PHOTOS_PER_CASE = 30;

  private final CaseAttachments attachments;
  private final CaseFiles cases;
  private final EmergencyReports reports;
  private final IncidentRepository incidents;

  ScenePhotos(CaseAttachments attachments, CaseFiles cases, EmergencyReports reports, IncidentRepository incidents) {
    this.incidents = incidents;
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

  /**
   * A photo added later, through the API: only while the emergency is running, and no more than
   * {@link #MAX_PHOTOS_PER_CASE} in all.
   */
  @Transactional
  CaseAttachment addLater(CaseFile c, String fileName, byte[] bytes, String by) {
    boolean over = c.status() != org.linli.casefile.CaseStatus.OPEN
        || incidents.byCase(c.id()).map(i -> i.allClearAt() != null || i.withdrawnAt() != null).orElse(true);
    if (over) {
      throw new org.linli.system.ConflictException("事件已解除或撤销，不能再添加照片 the emergency is over: no more photos");
    }
    long photos = attachments.list(c.id()).stream().filter(a -> CaseAttachments.IMAGE_TYPES.contains(a.contentType())).count();
    if (photos >= MAX_PHOTOS_PER_CASE) {
      throw new InvalidInputException("file", "每个事件最多 " + MAX_PHOTOS_PER_CASE + " 张照片 at most " + MAX_PHOTOS_PER_CASE + " photos per emergency");
    }
    return addPhoto(c, fileName, bytes, by);
  }

  @Transactional
  CaseAttachment addPhoto(CaseFile c, String fileName, byte[] bytes, String by) {
    String type = attachments.check(fileName, bytes, CaseAttachments.IMAGE_TYPES);
    CaseAttachment a = attachments.add(c.id(), fileName, type, bytes, by, false);
    cases.record(c.id(), CaseEventType.COMMENTED, null, null, by, null,
        new Bilingual.Halves("现场照片：" + a.fileName(), "photo from the scene: " + a.fileName()));
    return a;
  }
}
