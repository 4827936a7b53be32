package org.linli.notification.internal;

/** PENDING → SENDING (claimed by one node) → SENT, or back to PENDING after a failure, or FAILED for good. */
public enum OutboxStatus {
  PENDING, SENDING, SENT, FAILED
}
