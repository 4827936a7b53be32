package org.linli.notification.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.linli.notification.NotificationType;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which mails a member of staff wants. REPLY goes to residents only and is not listed. */
@Service
public class NotificationPreferences {

  public record Preference(NotificationType type, String label, boolean enabled, boolean optional) {}

  private final PreferenceRepository repository;

  NotificationPreferences(PreferenceRepository repository) {
    this.repository = repository;
  }

  static List<NotificationType> staffTypes() {
    return Arrays.stream(NotificationType.values()).filter(t -> !t.toResidents()).toList();
  }

  public List<Preference> of(String username) {
    Map<NotificationType, Boolean> stored = repository.of(username);
    return staffTypes().stream()
        .map(t -> new Preference(t, t.labelZh() + " " + t.labelEn(),
            !t.optional() || stored.getOrDefault(t, true), t.optional()))
        .toList();
  }

  /** All or nothing: one refused change leaves every preference as it was. */
  @Transactional
  public List<Preference> update(String username, Map<String, Object> changes, boolean single) {
    Map<NotificationType, Boolean> valid = new EnumMap<>(NotificationType.class);
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      String field = single ? "type" : e.getKey();
      NotificationType type = parse(e.getKey());
      if (type == null || type == NotificationType.REPLY) {
        errors.add(new FieldError(field, "未知的通知类型 unknown notification type '" + e.getKey() + "'; one of " + staffTypes()));
        continue;
      }
      String valueField = single ? "enabled" : e.getKey();
      if (!(e.getValue() instanceof Boolean enabled)) {
        errors.add(new FieldError(valueField, "必须为 true 或 false / must be true or false"));
        continue;
      }
      if (!enabled && !type.optional()) {
        errors.add(new FieldError(valueField,
            type.labelZh() + "邮件不能关闭 / " + type.labelEn() + " mails cannot be turned off"));
        continue;
      }
      valid.put(type, enabled);
    }
    if (changes.isEmpty()) {
      errors.add(new FieldError("type", "没有要修改的设置 / nothing to change"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    valid.forEach((type, enabled) -> repository.save(username, type, enabled));
    return of(username);
  }

  private static NotificationType parse(String name) {
    try {
      return name == null ? null : NotificationType.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
