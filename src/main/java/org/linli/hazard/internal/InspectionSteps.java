package org.linli.hazard.internal;

import static org.linli.hazard.InspectionProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.emergency.IncidentLevel;
import org.linli.hazard.InspectionProcess;
import org.linli.security.LinliUser;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.tasklist.StepCompleter;
import org.linli.tasklist.StepInput;
import org.springframework.stereotype.Component;

/**
 * The inspection step: {@code safe} 正常, {@code warning} 发现险情（预警） with the warning's level,
 * {@code incident} 已发生险情（事件）; a note is always needed, the figures are optional.
 */
@Component
class InspectionSteps implements StepCompleter {

  static final BigDecimal MAX_LOSS = new BigDecimal("1e13");
  static final int MAX_COUNT = 10_000_000;

  @Override
  public String kind() {
    return InspectionProcess.KIND;
  }

  @Override
  public List<String> decisions(CaseTask task) {
    return TASK_INSPECT.equals(task.activityId()) ? List.of(SAFE, WARNING, INCIDENT) : List.of();
  }

  @Override
  public Map<String, Object> complete(CaseTask task, StepInput in, LinliUser user) {
    List<String> offered = decisions(task);
    if (in.decision() == null || !offered.contains(in.decision())) {
      throw new InvalidInputException("decision", "请选择巡查结果 choose one of " + offered);
    }
    List<FieldError> errors = new ArrayList<>();
    String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
    if (comment == null) {
      errors.add(new FieldError("comment", switch (in.decision()) {
        case SAFE -> "请说明巡查情况 say what the inspection found";
        default -> "请描述险情 describe the danger found";
      }));
    }
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.DECISION, in.decision());
    v.put(CaseVariables.COMMENT, comment);
    v.put(VAR_INSPECTED_BY, user.username());
    v.put(VAR_PROPOSED_LEVEL, null);
    Object level = in.fields().get(VAR_PROPOSED_LEVEL);
    if (WARNING.equals(in.decision())) {
      try {
        v.put(VAR_PROPOSED_LEVEL, IncidentLevel.valueOf(level.toString().strip()).name());
      } catch (RuntimeException e) {
        errors.add(new FieldError(VAR_PROPOSED_LEVEL, "请选择预警级别 I、II、III 或 IV choose the warning level I, II, III or IV"));
      }
    }
    boolean danger = !SAFE.equals(in.decision());
    for (String name : FIGURES) {
      v.put(name, danger ? count(name, in.fields().get(name), errors) : null);
    }
    v.put(VAR_LOSS, danger ? loss(in.fields().get(VAR_LOSS), errors) : null);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return v;
  }

  private static Integer count(String name, Object value, List<FieldError> errors) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(value.toString().strip());
      if (d.signum() < 0 || d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
        throw new NumberFormatException();
      }
      return d.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      errors.add(new FieldError(name, "应为 0 至 10000000 的整数 a whole number from 0 to 10000000"));
      return null;
    }
  }

  private static String loss(Object value, List<FieldError> errors) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(value.toString().strip());
      if (d.signum() < 0 || d.compareTo(MAX_LOSS) >= 0) {
        throw new NumberFormatException();
      }
      return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
    } catch (NumberFormatException e) {
      errors.add(new FieldError(VAR_LOSS, "直接经济损失应为 0 至 10 万亿元 the loss must be from 0 to 10 trillion CNY"));
      return null;
    }
  }
}
