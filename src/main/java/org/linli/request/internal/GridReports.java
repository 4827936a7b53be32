package org.linli.request.internal;

import java.util.ArrayList;
import java.util.List;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.security.LinliUser;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A grid worker's report of an everyday issue (网格上报) with its photos, in one transaction: the
 * request goes through {@link RequestIntake#submitByStaff} like {@code POST /api/requests}, and a
 * bad photo refuses the whole report, so nothing is written.
 */
@Component
class GridReports {

  /** A photo as uploaded. */
  record Photo(String fileName, byte[] bytes) {}

  /** Photos in one report, as in an emergency report. */
  static final int MAX_PHOTOS = 6;

  private final RequestIntake intake;
  private final CaseAttachments attachments;
  private final CaseFiles cases;

  GridReports(RequestIntake intake, CaseAttachments attachments, CaseFiles cases) {
    this.intake = intake;
    this.attachments = attachments;
    this.cases = cases;
  }

  /** Every problem of the photos (field {@code photos}); the form's own are the intake's. */
  List<FieldError> photoProblems(List<Photo> photos) {
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
    return errors;
  }

  /** Files the report and its photos, or refuses it all (every mistake at once). */
  @Transactional
  RequestIntake.Receipt report(IntakeForm form, List<Photo> photos, LinliUser reporter) {
    List<FieldError> errors = photoProblems(photos);
    if (!errors.isEmpty()) {
      errors.addAll(0, intake.problems(form)); // the form's own mistakes shown with the photos'
      throw new InvalidInputException(errors);
    }
    RequestIntake.Receipt receipt = intake.submitByStaff(form, reporter);
    CaseFile c = cases.byNumber(receipt.caseNumber()).orElseThrow();
    for (Photo p : photos) {
      String type = attachments.check(p.fileName(), p.bytes(), CaseAttachments.IMAGE_TYPES);
      var a = attachments.add(c.id(), p.fileName(), type, p.bytes(), reporter.username(), false);
      cases.record(c.id(), CaseEventType.COMMENTED, null, null, reporter.username(), null, "现场照片 photo: " + a.fileName());
    }
    return receipt;
  }
}
