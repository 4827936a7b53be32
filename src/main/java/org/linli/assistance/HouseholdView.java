package org.linli.assistance;

import java.time.Instant;
import java.util.List;

/**
 * A household as lists and mail may show it: ID numbers masked, phone masked, and nothing about
 * incomes, assets, health or the reason text (which often tells of an illness).
 */
public record HouseholdView(
    long caseId,
    Programme programme,
    String divisionCode,
    EntryChannel channel,
    String applicantName,
    String maskedPhone,
    List<Member> members,
    Instant createdAt) {

  public record Member(String name, String maskedIdNumber, Relation relation) {}

  public int memberCount() {
    return members.size();
  }
}
