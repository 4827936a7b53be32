package org.linli.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.notification.internal.NotificationPreferences.Preference;
import org.linli.notification.internal.OutboxRepository.OutboxEntry;
import org.linli.organization.Role;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "通知 Notifications", description = "My mail preferences, and the outbox for operators")
class NotificationController {

  private final NotificationPreferences preferences;
  private final OutboxRepository outbox;
  private final CurrentUser currentUser;

  NotificationController(NotificationPreferences preferences, OutboxRepository outbox, CurrentUser currentUser) {
    this.preferences = preferences;
    this.outbox = outbox;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/me/notification-preferences")
  @Operation(summary = "Each mail type, whether I receive it, and whether I may turn it off")
  List<Preference> myPreferences() {
    return preferences.of(currentUser.get().username());
  }

  @PutMapping("/api/me/notification-preferences")
  @Operation(summary = "Turn mail types on or off: {\"type\":\"REMINDER\",\"enabled\":false} or {\"REMINDER\":false,\"NEW_TASK\":true}."
      + " OVERDUE and URGED cannot be turned off.")
  List<Preference> updatePreferences(@RequestBody Map<String, Object> body) {
    String username = currentUser.get().username();
    if (body.containsKey("type") || body.containsKey("enabled")) {
      if (!(body.get("type") instanceof String type)) {
        throw new InvalidInputException("type", "必须填写通知类型 / must name a notification type");
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put(type, body.get("enabled"));
      return preferences.update(username, one, true);
    }
    return preferences.update(username, body, false);
  }

  @GetMapping("/api/notifications/outbox")
  @Operation(summary = "Recent outbox rows, newest first, without bodies (administrators only)")
  List<OutboxEntry> outbox(
      @RequestParam(required = false) OutboxStatus status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    LinliUser user = currentUser.get();
    if (!user.inGroup(Role.ADMIN.groupPrefix())) {
      throw new ForbiddenException("只有系统管理员可以查看发件箱 / Only administrators may see the outbox.");
    }
    return outbox.recent(status, limit);
  }
}
