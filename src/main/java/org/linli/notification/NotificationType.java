package org.linli.notification;

/** What a mail is about; each type has its own templates under {@code templates/mail/}. */
public enum NotificationType {
  NEW_TASK("新任务", "New task"),
  REMINDER("即将到期", "Due soon"),
  OVERDUE("已超期", "Overdue"),
  ESCALATION("已升级", "Escalated"),
  URGED("督办", "Urged"),
  /** To a unit's heads (or officers): a supervisor's yellow or red card (黄牌/红牌) for its overdue work. Never off. */
  CARD("亮牌警示", "Warning card"),
  REPLY("答复", "Reply"),
  DIGEST("每日督查", "Daily digest"),
  /** To supervisors on the first working day of a week: the last week's key figures and break-down of their area. */
  WEEKLY("每周督查", "Weekly report"),
  /** To a resident: the request was taken in, with its number and a link to follow it. */
  RECEIVED("已受理", "Received"),
  /** To an assistance applicant (the name fits the outbox's 16-character type column): approved (amount, start month) or refused (reason, how to appeal). */
  ASSIST_DECISION("救助审批结果", "Assistance decision"),
  /** To responders of an emergency: activated, level changed, reported upward, all-clear. Never off. */
  EMERGENCY("突发事件", "Emergency"),
  /**
   * A CAP emergency alert (应急预警): to the subscribers of its area and level, or for a drill to its
   * participants only. Cannot be turned off: a drill's participants must get what the public would.
   */
  EMERGENCY_ALERT("应急预警", "Emergency alert");

  private final String labelZh;
  private final String labelEn;

  NotificationType(String labelZh, String labelEn) {
    this.labelZh = labelZh;
    this.labelEn = labelEn;
  }

  /**
   * Users may turn off every type but OVERDUE, URGED, CARD, EMERGENCY and EMERGENCY_ALERT (and
   * REPLY/DIGEST/WEEKLY/RECEIVED go to fixed recipients).
   */
  public boolean optional() {
    return this != OVERDUE && this != URGED && this != CARD && this != EMERGENCY && this != EMERGENCY_ALERT;
  }

  /** Mail to residents' own addresses: not a staff preference, no step in the subject. */
  public boolean toResidents() {
    return this == REPLY || this == RECEIVED || this == ASSIST_DECISION;
  }

  public String labelZh() {
    return labelZh;
  }

  public String labelEn() {
    return labelEn;
  }
}
