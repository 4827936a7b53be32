package org.linli.tasklist;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How a caseworker completes a step: a decision, a note, and the fields some decisions need.
 *
 * @param decision for example sign, return, handle, dispatch, assign, reply, escalate, extend,
 *     grant, refuse, rate, close, redo; the step says which it offers
 * @param comment the reason, reply or note that goes into the timeline
 * @param missing what an applicant must still supply, when a review returns a file for correction (补正)
 */
public record StepInput(
    @NotBlank @Size(max = 32) String decision,
    @Size(max = 2000) String comment,
    @Schema(description = "department to dispatch to, e.g. zj") @Size(max = 16) String departmentCode,
    @Schema(description = "village or community to assign to") @Size(max = 12) String divisionCode,
    @Schema(description = "working days asked for, 1 to 10") Integer extensionDays,
    @Schema(description = "SATISFIED, BASICALLY_SATISFIED or NOT_SATISFIED") String rating,
    @Schema(description = "what is missing, when returning a file for correction") @Size(max = 2000) String missing) {

  /** Without a missing list: every step but a review's return for correction. */
  public StepInput(String decision, String comment, String departmentCode, String divisionCode, Integer extensionDays,
      String rating) {
    this(decision, comment, departmentCode, divisionCode, extensionDays, rating, null);
  }
}
