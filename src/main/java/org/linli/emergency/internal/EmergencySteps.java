package org.linli.emergency.internal;

import static org.linli.emergency.EmergencyProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.emergency.EmergencyProcess;
import org.linli.security.LinliUser;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.tasklist.StepCompleter;
import org.linli.tasklist.StepInput;
import org.springframework.stereotype.Component;

/** The decisions of each emergency step; reports carry the figures as they stand. */
@Component
class EmergencySteps implements StepCompleter {

  static final List<String> FIGURES = List.of("dead", "injured", "missing", "trapped", "affected");

  @Override
  public String kind() {
    return EmergencyProcess.KIND;
  }

  @Override
  public List<String> decisions(CaseTask task) {
    return switch (task.activityId()) {
      case TASK_WATCH_WARNING -> List.of(LIFT, INCIDENT);
      case TASK_ARRIVE -> List.of(ARRIVE, FALSE_ALARM);
      case TASK_FIRST_REPORT -> List.of(FIRST_REPORT);
      case TASK_PROGRESS_REPORT -> List.of(PROGRESS_REPORT);
      case TASK_DISPOSE -> List.of(ALL_CLEAR);
      case TASK_REVIEW -> List.of(REVIEW);
      default -> List.of();
    };
  }

  /** The reporting grid worker, offered the arrival by name, records it; a false alarm is the lead's. */
  @Override
  public List<String> decisions(CaseTask task, LinliUser user) {
    List<String> all = decisions(task);
    return TASK_ARRIVE.equals(task.activityId()) && !user.inGroup(task.candidateGroup()) ? List.of(ARRIVE) : all;
  }

  @Override
  public Map<String, Object> complete(CaseTask task, StepInput in, LinliUser user) {
    List<String> offered = decisions(task);
    if (in.decision() == null || !offered.contains(in.decision())) {
      throw new InvalidInputException("decision", "请选择处理决定 choose one of " + offered);
    }
    if (FALSE_ALARM.equals(in.decision()) && !user.inGroup(task.candidateGroup())) {
      // the reporter may say he is on site; whether it was a false alarm is the lead's to confirm
      throw new InvalidInputException("decision", "核实为误报须由牵头单位确认，您可以记录已到达现场"
          + " only the lead confirms a false alarm; you may record the arrival");
    }
    String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
    List<FieldError> errors = new ArrayList<>();
    if (comment == null) {
      errors.add(new FieldError("comment", switch (in.decision()) {
        case ARRIVE -> "请说明到场情况 say who arrived and what they found";
        case FALSE_ALARM -> "请说明核实情况 say what was found on site";
        case FIRST_REPORT, PROGRESS_REPORT -> "请填写报告内容 write the report";
        case ALL_CLEAR, LIFT -> "请说明解除依据 say why it is over";
        case REVIEW -> "请填写复盘结论 write the review's findings";
        default -> "请填写说明 write a note";
      }));
    }
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.DECISION, in.decision());
    v.put(CaseVariables.COMMENT, comment);
    if (List.of(FIRST_REPORT, PROGRESS_REPORT, ALL_CLEAR, INCIDENT).contains(in.decision())) {
      figures(in.fields(), v, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return v;
  }

  /** Figures left out keep their last reported value; given ones are whole numbers from zero. */
  private static void figures(Map<String, Object> fields, Map<String, Object> v, List<FieldError> errors) {
    for (String name : FIGURES) {
      Object value = fields.get(name);
      if (value == null || value.toString().isBlank()) {
        v.put(name, null);
        continue;
      }
      try {
        BigDecimal d = new BigDecimal(value.toString().strip());
        if (d.signum() < 0 || d.scale() > 0 && d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
          throw new NumberFormatException();
        }
        v.put(name, d.intValueExact());
      } catch (NumberFormatException | ArithmeticException e) {
        errors.add(new FieldError(name, "应为 0 至 10000000 的整数 a whole number from 0 to 10000000"));
      }
    }
    Object loss = fields.get("estimatedLoss");
    if (loss == null || loss.toString().isBlank()) {
      v.put("estimatedLoss", null);
      return;
    }
    try {
      BigDecimal d = new BigDecimal(loss.toString().strip());
      if (d.signum() < 0 || d.compareTo(new BigDecimal("1e13")) >= 0) {
        throw new NumberFormatException();
      }
      v.put("estimatedLoss", d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    } catch (NumberFormatException e) {
      errors.add(new FieldError("estimatedLoss", "直接经济损失应为 0 至 10 万亿元 the loss must be from 0 to 10 trillion CNY"));
    }
  }
}
