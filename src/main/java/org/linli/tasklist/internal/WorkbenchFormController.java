package org.linli.tasklist.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linli.security.CurrentUser;
import org.linli.tasklist.StepForms;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The step forms of the case page, for the signed-in session (CSRF-protected): the same form and
 * the same completion as {@code /api/tasks/{id}/form} and {@code /complete}, with errors as
 * problem+json for the form island to show.
 */
@RestController
class WorkbenchFormController {

  private final StepForms forms;
  private final CurrentUser currentUser;

  WorkbenchFormController(StepForms forms, CurrentUser currentUser) {
    this.forms = forms;
    this.currentUser = currentUser;
  }

  /**
   * In the page's language, and without the form's own heading: the case page names the step just
   * above it.
   */
  @GetMapping("/tasks/{id}/form")
  StepForms.StepForm form(@PathVariable String id, Locale locale) {
    StepForms.StepForm form = forms.form(currentUser.get(), id, Optional.of(locale));
    if (form.schema().path("components") instanceof ArrayNode components && !components.isEmpty()
        && "text".equals(components.get(0).path("type").asText())
        && components.get(0).path("text").asText().startsWith("#")) {
      components.remove(0);
    }
    return form;
  }

  @PostMapping("/tasks/{id}/complete")
  ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Map<String, Object> answers) {
    forms.submit(currentUser.get(), id, answers);
    return ResponseEntity.noContent().build();
  }
}
