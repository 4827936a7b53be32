package org.linli.tasklist;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How a caseworker completes a step: a decision, a note, and the fields some decisions need.
 *
 * @param decision for example sign, return, handle, dispatch, assign, reply, escalate, extend,
 *     grant, refuse, rate, close, redo; the step says which it offers
 * @param comment the internal note or reason: staff read it on the timeline, the resident never does
 * @param reply the text the resident reads (the answer to their request); never shown on the timeline
 *     as a note and never mixed with {@code comment}
 * @param missing what an applicant must still supply, when a review returns a file for correction (补正)
 * @param fields the step form's other values by key (e.g. a home visit's visitors and date); the
 *     case kind's completer checks the ones its step needs
 */
public record StepInput(
    @NotBlank @Size(max = 32) String decision,
    @Size(max = 2000) String comment,
    @Schema(description = "the reply the resident reads (the handling step's reply)") @Size(max = 2000) String reply,
    @Schema(description = "department to dispatch to, e.g. zj") @Size(max = 16) String departmentCode,
    @Schema(description = "village or community to assign to") @Size(max = 12) String divisionCode,
    @Schema(description = "working days asked for, 1 to 10") Integer extensionDays,
    @Schema(description = "SATISFIED, BASICALLY_SATISFIED or NOT_SATISFIED") String rating,
    @Schema(description = "what is missing, when returning a file for correction") @Size(max = 2000) String missing,
    @Schema(description = "other values of the step's form, by key") @Size(max = 50) java.util.Map<String, Object> fields) {

  public StepInput {
    fields = fields == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  /** Without a reply to the resident: every step but the handling step's reply. */
  public StepInput(String decision, String comment, String departmentCode, String divisionCode, Integer extensionDays,
      String rating, String missing, java.util.Map<String, Object> fields) {
    this(decision, comment, null, departmentCode, divisionCode, extensionDays, rating, missing, fields);
  }

  public StepInput(String decision, String comment, String departmentCode, String divisionCode, Integer extensionDays,
      String rating, String missing) {
    this(decision, comment, null, departmentCode, divisionCode, extensionDays, rating, missing, null);
  }

  /** Without a missing list: every step but a review's return for correction. */
  public StepInput(String decision, String comment, String departmentCode, String divisionCode, Integer extensionDays,
      String rating) {
    this(decision, comment, departmentCode, divisionCode, extensionDays, rating, null);
  }

  /** The handling step's reply: the text the resident reads, and an internal note (or null). */
  public static StepInput replying(String reply, String comment) {
    return new StepInput("reply", comment, reply, null, null, null, null, null, null);
  }

  /** The same input with the resident's text set. */
  public StepInput withReply(String text) {
    return new StepInput(decision, comment, text, departmentCode, divisionCode, extensionDays, rating, missing, fields);
  }
}
