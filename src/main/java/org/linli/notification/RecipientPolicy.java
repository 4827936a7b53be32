package org.linli.notification;

/**
 * Narrows who may be mailed about a case. Features publish one as a bean; every policy must allow a
 * recipient. A drill, for example, mails its participants only.
 */
public interface RecipientPolicy {

  /** Whether the staff member may be mailed about the case. */
  boolean mayMail(long caseId, String username);

  /** Whether an outside address (a resident, a subscriber, another authority) may be mailed about the case. */
  boolean mayMailAddress(long caseId, String address);
}
