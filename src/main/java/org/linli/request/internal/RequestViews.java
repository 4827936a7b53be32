package org.linli.request.internal;

import org.linli.casefile.PersonalData;
import org.linli.request.ResidentRequest;
import org.linli.security.LinliUser;
import org.springframework.stereotype.Component;

/**
 * What a member of staff sees of the resident behind a request: everything, logged, when they act
 * on one of its open steps (they call back, go to the address); the name, phone, e-mail and address
 * masked otherwise.
 */
@Component
class RequestViews {

  private final PersonalData personalData;

  RequestViews(PersonalData personalData) {
    this.personalData = personalData;
  }

  /** The request as this user may see it; a whole view is logged in the caller's transaction. */
  ResidentRequest as(ResidentRequest r, LinliUser user) {
    String why = personalData.needToKnow(r.caseId(), user);
    if (why != null) {
      personalData.viewed(r.caseId(), user.username(), PersonalData.RESIDENT, why);
      return r;
    }
    return new ResidentRequest(r.caseId(), r.caseNumber(), r.channel(), r.description(), PersonalData.maskAddress(r.address()),
        r.latitude() == null ? null : r.latitude().setScale(2, java.math.RoundingMode.HALF_UP),
        r.longitude() == null ? null : r.longitude().setScale(2, java.math.RoundingMode.HALF_UP),
        PersonalData.maskName(r.residentName()), PersonalData.maskPhone(r.residentPhone()),
        PersonalData.maskEmail(r.residentEmail()), r.reply(), r.repliedAt(), null, r.createdAt());
  }
}
