package org.linli.portal.internal;

import java.util.HashMap;
import java.util.Map;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens the case, stores the photo and queues the receipt mail in one transaction: all or nothing. */
@Service
class PortalIntake {

  /** A checked upload. */
  record Photo(String fileName, String contentType, byte[] bytes) {}

  static final String RESIDENT = "resident";

  private final RequestIntake intake;
  private final CaseFiles cases;
  private final CaseAttachments attachments;
  private final Notifications notifications;

  PortalIntake(RequestIntake intake, CaseFiles cases, CaseAttachments attachments, Notifications notifications) {
    this.intake = intake;
    this.cases = cases;
    this.attachments = attachments;
    this.notifications = notifications;
  }

  @Transactional
  RequestIntake.Receipt submit(IntakeForm form, Photo photo) {
    RequestIntake.Receipt receipt = intake.submitPublic(form);
    CaseFile c = cases.byNumber(receipt.caseNumber()).orElseThrow();
    if (photo != null) {
      attachments.add(c.id(), photo.fileName(), photo.contentType(), photo.bytes(), RESIDENT, true);
    }
    if (form.residentEmail() != null) {
      Map<String, Object> model = new HashMap<>();
      model.put("caseNumber", receipt.caseNumber());
      model.put("title", c.title());
      model.put("dueAt", receipt.expectedBy());
      model.put("residentName", form.residentName());
      model.put("followLink", followLink(receipt.caseNumber()));
      notifications.toAddress(NotificationType.RECEIVED, "received:" + c.id(), form.residentEmail(),
          form.residentName(), model, c.id());
    }
    return receipt;
  }

  String followLink(String caseNumber) {
    return notifications.link("/portal/follow?number=" + caseNumber);
  }
}
