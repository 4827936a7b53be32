package org.linli.alert.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.linli.emergency.IncidentAlert;
import org.linli.emergency.IncidentAlert.Phase;
import org.linli.emergency.IncidentLevel;

/**
 * What an alert says to people, in Chinese (zh-CN info) and English (en-US info), by what
 * happened: a first alert, a level change (also below the threshold), an all-clear, a withdrawal.
 */
final class AlertTexts {

  /** The kind of message an event gives, which decides the texts and the CAP codes. */
  enum Kind {
    FIRST,
    RAISED_AGAIN,
    LEVEL_UP,
    LEVEL_DOWN,
    BELOW_THRESHOLD,
    ALL_CLEAR,
    CANCEL
  }

  record Texts(String event, String headline, String description, String instruction, List<String> responseTypes,
      String urgency, String certainty) {}

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private AlertTexts() {}

  static Kind kind(IncidentAlert e, boolean hasEarlier, IncidentLevel threshold) {
    return switch (e.change()) {
      case ALL_CLEAR -> Kind.ALL_CLEAR;
      case WITHDRAWN -> Kind.CANCEL;
      case RAISED, LEVEL_CHANGED -> {
        if (!hasEarlier) {
          yield Kind.FIRST;
        }
        if (!e.level().atLeast(threshold)) {
          yield Kind.BELOW_THRESHOLD;
        }
        if (e.change() == IncidentAlert.Change.RAISED || e.previousLevel() == null || e.previousLevel() == e.level()) {
          yield Kind.RAISED_AGAIN;
        }
        yield e.level().atLeast(e.previousLevel()) ? Kind.LEVEL_UP : Kind.LEVEL_DOWN;
      }
    };
  }

  static String levelZh(IncidentLevel l) {
    return l.name() + "级（" + l.nameZh() + "）";
  }

  static String levelEn(IncidentLevel l) {
    return "level " + l.name() + " (" + l.nameEn() + ")";
  }

  static Texts zh(IncidentAlert e, Kind kind, IncidentLevel threshold, String areaDesc, ZoneId zone) {
    String subtype = e.subtypeName() == null || e.subtypeName().isBlank() ? "" : e.subtypeName().trim();
    String event = e.type().nameZh() + (subtype.isEmpty() ? "" : "·" + subtype);
    String what = e.phase() == Phase.WARNING ? "预警" : "事件";
    String base = e.headline() != null && !e.headline().isBlank() ? e.headline().trim()
        : areaDesc + (subtype.isEmpty() ? e.type().nameZh() : subtype) + what;
    String prefix = switch (kind) {
      case FIRST, RAISED_AGAIN -> "";
      case LEVEL_UP -> "【升级】";
      case LEVEL_DOWN, BELOW_THRESHOLD -> "【降级】";
      case ALL_CLEAR -> "【解除】";
      case CANCEL -> "【撤销】";
    };
    String headline = (e.drill() ? "【演练】" : "") + prefix + base + (kind == Kind.FIRST || kind == Kind.RAISED_AGAIN
        || kind == Kind.LEVEL_UP || kind == Kind.LEVEL_DOWN ? "（" + e.level().name() + "级）" : "");
    String change = switch (kind) {
      case FIRST -> areaDesc + "发生" + (subtype.isEmpty() ? e.type().nameZh() : subtype) + what + "，等级为"
          + levelZh(e.level()) + "。";
      case RAISED_AGAIN -> "事件情况更新，当前等级为" + levelZh(e.level()) + "。";
      case LEVEL_UP -> "事件等级由" + levelZh(e.previousLevel()) + "升为" + levelZh(e.level()) + "。";
      case LEVEL_DOWN -> "事件等级由" + levelZh(e.previousLevel()) + "降为" + levelZh(e.level()) + "。";
      case BELOW_THRESHOLD -> "事件等级" + (e.previousLevel() == null ? "" : "由" + levelZh(e.previousLevel()))
          + "降为" + levelZh(e.level()) + "，已低于对外发布预警的" + threshold.name() + "级；如无新的变化，本事件不再发布预警更新。";
      case ALL_CLEAR -> "应急状态已解除（解除时等级：" + levelZh(e.level()) + "）。";
      case CANCEL -> "此前就本事件发布的预警信息予以撤销。";
    };
    String instruction = switch (kind) {
      case ALL_CLEAR -> "应急状态已解除，可恢复正常生产生活，请继续留意官方发布的信息。";
      case CANCEL -> "此前发布的预警已撤销，无需再采取相应防范措施。";
      case BELOW_THRESHOLD -> "险情已减轻，请继续关注官方发布的信息，注意安全。";
      default -> e.phase() == Phase.WARNING
          ? "请密切关注预警信息，做好防范准备，远离危险区域，服从当地政府的安排。"
          : "请远离事发区域，服从现场指挥和疏散安排；需要救助请拨打 119、120 或 110。";
    };
    return new Texts(event, headline, description(change, e, "地点：", "发生时间：", zone), instruction,
        responseTypes(kind, e.phase()), urgency(kind, e.phase()), certainty(e.phase()));
  }

  static Texts en(IncidentAlert e, Kind kind, IncidentLevel threshold, String areaDesc, ZoneId zone) {
    String subtype = e.subtypeName() == null || e.subtypeName().isBlank() ? "" : e.subtypeName().trim();
    String event = e.type().nameEn() + (subtype.isEmpty() ? "" : " – " + subtype);
    String what = e.phase() == Phase.WARNING ? "warning" : "incident";
    String prefix = switch (kind) {
      case FIRST, RAISED_AGAIN -> "";
      case LEVEL_UP -> "Raised: ";
      case LEVEL_DOWN, BELOW_THRESHOLD -> "Lowered: ";
      case ALL_CLEAR -> "All clear: ";
      case CANCEL -> "Cancelled: ";
    };
    String headline = (e.drill() ? "[Drill] " : "") + prefix + e.type().nameEn() + " " + what + ", "
        + levelEn(e.level()) + ", " + areaDesc;
    String change = switch (kind) {
      case FIRST -> "A " + levelEn(e.level()) + " " + what + " (" + event + ") in " + areaDesc + ".";
      case RAISED_AGAIN -> "Update: the " + what + " is now at " + levelEn(e.level()) + ".";
      case LEVEL_UP -> "The " + what + " was raised from " + levelEn(e.previousLevel()) + " to " + levelEn(e.level()) + ".";
      case LEVEL_DOWN -> "The " + what + " was lowered from " + levelEn(e.previousLevel()) + " to " + levelEn(e.level()) + ".";
      case BELOW_THRESHOLD -> "The " + what + " was lowered to " + levelEn(e.level()) + ", below level " + threshold.name()
          + " at which alerts are published; unless it changes again, no further updates will follow.";
      case ALL_CLEAR -> "The emergency is over (last at " + levelEn(e.level()) + ").";
      case CANCEL -> "The earlier alerts about this " + what + " are cancelled.";
    };
    String instruction = switch (kind) {
      case ALL_CLEAR -> "The emergency is over: you may return to normal activities. Keep following official information.";
      case CANCEL -> "The earlier alerts are cancelled: no further action is needed.";
      case BELOW_THRESHOLD -> "The danger has lessened. Keep following official information and stay safe.";
      default -> e.phase() == Phase.WARNING
          ? "Keep informed, get ready, stay away from the danger area and follow the local government's directions."
          : "Keep away from the scene and follow the responders' directions and any evacuation order; for help call 119, 120 or 110.";
    };
    return new Texts(event, headline, description(change, e, "Place: ", "Occurred: ", zone)
        + (e.description() == null || e.description().isBlank() ? "" : "\n(Report in Chinese above.)"),
        instruction, responseTypes(kind, e.phase()), urgency(kind, e.phase()), certainty(e.phase()));
  }

  private static String description(String change, IncidentAlert e, String placeLabel, String timeLabel, ZoneId zone) {
    StringBuilder b = new StringBuilder(change);
    if (e.description() != null && !e.description().isBlank()) {
      b.append('\n').append(e.description().trim());
    }
    if (e.location() != null && !e.location().isBlank()) {
      b.append('\n').append(placeLabel).append(e.location().trim());
    }
    if (e.occurredAt() != null) {
      b.append('\n').append(timeLabel).append(local(e.occurredAt(), zone));
    }
    return b.toString();
  }

  static String local(Instant t, ZoneId zone) {
    return LOCAL.format(t.atZone(zone));
  }

  /** CAP responseType: what people should do. */
  private static List<String> responseTypes(Kind kind, Phase phase) {
    return switch (kind) {
      case ALL_CLEAR -> List.of("AllClear");
      case CANCEL -> List.of("None");
      case BELOW_THRESHOLD -> List.of("Monitor");
      default -> phase == Phase.WARNING ? List.of("Prepare", "Monitor") : List.of("Avoid");
    };
  }

  /**
   * Immediate for incidents, Expected for warnings; Past once no action is needed any more (an
   * all-clear, a cancellation), as CAP 1.2 defines it ("responsive action is no longer required").
   */
  private static String urgency(Kind kind, Phase phase) {
    if (kind == Kind.ALL_CLEAR || kind == Kind.CANCEL) {
      return "Past";
    }
    return phase == Phase.WARNING ? "Expected" : "Immediate";
  }

  private static String certainty(Phase phase) {
    return phase == Phase.WARNING ? "Likely" : "Observed";
  }
}
