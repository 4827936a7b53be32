package org.linli.emergency.internal;

import org.linli.casefile.CaseAttachment;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Photos from the scene, images only, on the case and its timeline. */
@Component
class ScenePhotos {

  private final CaseAttachments attachments;
  private final CaseFiles cases;

  ScenePhotos(CaseAttachments attachments, CaseFiles cases) {
    this.attachments = attachments;
    this.cases = cases;
  }

  @Transactional
  CaseAttachment addPhoto(CaseFile c, String fileName, byte[] bytes, String by) {
    String type = attachments.check(fileName, bytes, CaseAttachments.IMAGE_TYPES);
    CaseAttachment a = attachments.add(c.id(), fileName, type, bytes, by, false);
    cases.record(c.id(), CaseEventType.COMMENTED, null, null, by, null, "现场照片 photo from the scene: " + a.fileName());
    return a;
  }
}
