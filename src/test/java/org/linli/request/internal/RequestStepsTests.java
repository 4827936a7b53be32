package org.linli.request.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.request.RequestProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
import org.linli.organization.Department;
import org.linli.organization.Division;
import org.linli.organization.DivisionKind;
import org.linli.organization.OrganizationService;
import org.linli.organization.Routing;
import org.linli.organization.Scope;
import org.linli.request.RequestDeadlines;
import org.linli.security.LinliUser;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepInput;

/**
 * The request steps' rules on their own, without the application: what each step offers and what
 * each decision needs. The flows through the engine are {@code ResidentRequestProcessTests}'.
 */
class RequestStepsTests {

  static final String TAOYUAN_VILLAGE = "330106002001";
  static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z"); // Monday 09:00 in Shanghai
  static final LinliUser WANG = new LinliUser("wang.fang", "王芳", Set.of("caseworker@" + TAOYUAN_VILLAGE), Scope.NOTHING);

  final OrganizationService organization = mock(OrganizationService.class);
  final RequestDeadlines deadlines = mock(RequestDeadlines.class);
  final CaseFiles cases = mock(CaseFiles.class);
  final ResidentRequestRepository requests = mock(ResidentRequestRepository.class);
  final Deadlines dueTimes = mock(Deadlines.class);
  final RequestSteps steps = new RequestSteps(organization, deadlines, dueTimes, cases, requests);

  @BeforeEach
  void rules() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    when(deadlines.rule(anyLong(), eq(RequestDeadlines.RULE_EXTENSION_MAX))).thenReturn(TimeLimit.workingDays(10));
    when(deadlines.rule(anyLong(), eq(RequestDeadlines.RULE_EXTENSION_NOTICE))).thenReturn(TimeLimit.workingDays(1));
    when(deadlines.rule(anyLong(), eq(RequestDeadlines.RULE_RETURN_WINDOW))).thenReturn(TimeLimit.workingDays(2));
    // one working day is a day here: enough for the rules, which only compare
    when(dueTimes.due(any(TimeLimit.class), any(Instant.class))).thenAnswer(i -> ((Instant) i.getArgument(1))
        .plus(Duration.ofDays(((TimeLimit) i.getArgument(0)).amount())));
    when(requests.ownership(anyLong())).thenReturn(new ResidentRequestRepository.Ownership(Routing.Level.VILLAGE, null,
        null, null, NOW, null, 0));
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  static CaseTask task(String step, String group, Instant due) {
    return new CaseTask("t1", step, step, group, null, NOW, due, 7L, "MH2026-000007", KIND, "路灯不亮", "streetlight",
        TAOYUAN_VILLAGE, null, "p1", null, "NORMAL", null, NOW, null);
  }

  static StepInput input(String decision, String comment) {
    return new StepInput(decision, comment, null, null, null, null);
  }

  InvalidInputException refused(CaseTask task, StepInput in) {
    return (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> steps.complete(task, in, WANG));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', value = {
      "Task_SignRequest     | caseworker@330106002001 | sign,return",
      "Task_DispatchRequest | township@330106002      | handle,dispatch,assign",
      "Task_HandleRequest   | caseworker@330106002001 | reply,extend,escalate",
      "Task_HandleRequest   | township@330106002      | reply,extend",
      "Task_HandleRequest   | dept-zj@330106          | reply,extend,return",
      "Task_ReviewExtension | township@330106002      | grant,refuse",
      "Task_Callback        | caseworker@330106002001 | rate",
      "Task_SupervisorDecision | supervisor@330106    | close,redo"})
  void eachStepOffersItsDecisionsAndHandlingDependsOnTheLevel(String step, String group, String decisions) {
    assertThat(steps.decisions(task(step, group, null))).containsExactly(decisions.split(","));
  }

  @Test
  void onlyTheReplyFieldGoesToTheResidentTheInternalNoteToTheTimeline() {
    Map<String, Object> v = steps.complete(task(TASK_HANDLE, "caseworker@" + TAOYUAN_VILLAGE, null),
        org.linli.tasklist.StepInput.replying("  路灯已修复  ", "材料费村里垫付"), WANG);
    assertThat(v.get(VAR_REPLY)).isEqualTo("路灯已修复");
    assertThat(v.get(org.linli.casefile.CaseVariables.COMMENT)).as("the step's entry is the reply").isEqualTo("路灯已修复");
    org.mockito.Mockito.verify(cases).record(org.mockito.ArgumentMatchers.anyLong(),
        org.mockito.ArgumentMatchers.eq(org.linli.casefile.CaseEventType.COMMENTED), org.mockito.ArgumentMatchers.eq(TASK_HANDLE),
        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq("wang.fang"), org.mockito.ArgumentMatchers.isNull(),
        org.mockito.ArgumentMatchers.eq("材料费村里垫付"));
    Map<String, Object> noNote = steps.complete(task(TASK_HANDLE, "caseworker@" + TAOYUAN_VILLAGE, null),
        org.linli.tasklist.StepInput.replying("已清运", null), WANG);
    assertThat(noNote.get(VAR_REPLY)).isEqualTo("已清运");
    assertThat(refused(task(TASK_HANDLE, "caseworker@" + TAOYUAN_VILLAGE, null),
        org.linli.tasklist.StepInput.replying(" ", "只有内部说明")).errors())
        .extracting(InvalidInputException.FieldError::field).containsExactly("reply");
  }

  @ParameterizedTest(name = "{1} at {0}")
  @CsvSource(delimiter = '|', value = {
      "Task_SignRequest        | return", "Task_HandleRequest | escalate", "Task_HandleRequest | reply",
      "Task_ReviewExtension    | refuse", "Task_SupervisorDecision | close", "Task_SupervisorDecision | redo"})
  void decisionsThatExplainThemselvesNeedAComment(String step, String decision) {
    for (String blank : new String[] {null, "   "}) {
      InvalidInputException e = refused(task(step, "caseworker@" + TAOYUAN_VILLAGE, null), input(decision, blank));
      // a reply's text is what the resident reads, in its own field; the others give a reason in the comment
      assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
          .containsExactly(decision.equals("reply") ? "reply" : "comment");
    }
    verify(requests, never()).reroute(anyLong(), any(), any());
  }

  @Test
  void anExtensionIsOneToTheTableMaximumOfWorkingDaysAskedBeforeTheNotice() {
    CaseTask handle = task(TASK_HANDLE, "caseworker@" + TAOYUAN_VILLAGE, NOW.plus(Duration.ofDays(5)));
    for (Integer days : new Integer[] {null, 0, 11}) {
      assertThat(refused(handle, new StepInput(EXTEND, "等待配件", null, null, days, null)).errors())
          .extracting(InvalidInputException.FieldError::field).containsExactly("extensionDays");
    }
    assertThat(refused(handle, new StepInput(EXTEND, null, null, null, 3, null)).errors())
        .extracting(InvalidInputException.FieldError::field).containsExactly("comment");
    // due in half a day: too late to ask with a day's notice
    CaseTask late = task(TASK_HANDLE, "caseworker@" + TAOYUAN_VILLAGE, NOW.plus(Duration.ofHours(12)));
    assertThat(refused(late, new StepInput(EXTEND, "等待配件", null, null, 3, null)).errors())
        .extracting(InvalidInputException.FieldError::field).containsExactly("decision");
    verify(requests, never()).extensionAsked(anyLong(), any());

    steps.complete(handle, new StepInput(EXTEND, "等待配件", null, null, 10, null), WANG);
    verify(requests).extensionAsked(7L, 10);
  }

  @Test
  void aUnitReturnsARequestOnlyWithinItsWindow() {
    when(requests.ownership(anyLong())).thenReturn(new ResidentRequestRepository.Ownership(Routing.Level.VILLAGE, null,
        null, null, NOW.minus(Duration.ofDays(3)), null, 0));
    assertThat(refused(task(TASK_SIGN, "caseworker@" + TAOYUAN_VILLAGE, null), input(RETURN, "不属本村")).errors())
        .extracting(InvalidInputException.FieldError::field).containsExactly("decision");
    verify(requests, never()).reroute(anyLong(), any(), any());
  }

  @Test
  void theTownshipDispatchesToItsCountysDepartmentsAndAssignsToItsOwnVillages() {
    CaseTask dispatch = task(TASK_DISPATCH, "township@330106002", null);
    when(organization.department("330106", "zj")).thenReturn(Optional.of(new Department("330106", "zj", "住建局")));
    when(organization.department("330106", "xx")).thenReturn(Optional.empty());
    when(organization.division("330106003001")).thenReturn(Optional.of(new Division("330106003001", "别镇的村",
        DivisionKind.VILLAGE, "330106003")));
    when(organization.division("330106002002")).thenReturn(Optional.of(new Division("330106002002", "文华社区",
        DivisionKind.COMMUNITY, "330106002")));

    assertThat(refused(dispatch, new StepInput(DISPATCH, null, "xx", null, null, null)).errors())
        .extracting(InvalidInputException.FieldError::field).containsExactly("departmentCode");
    assertThat(refused(dispatch, new StepInput(ASSIGN, null, null, "330106003001", null, null)).errors())
        .extracting(InvalidInputException.FieldError::field).containsExactly("divisionCode");
    verify(cases, never()).route(anyLong(), any(), any());

    steps.complete(dispatch, new StepInput(DISPATCH, null, "zj", null, null, null), WANG);
    verify(cases).route(7L, TAOYUAN_VILLAGE, "zj");
    verify(requests).reroute(7L, Routing.Level.DEPARTMENT, null);
    steps.complete(dispatch, new StepInput(ASSIGN, null, null, "330106002002", null, null), WANG);
    verify(cases).route(7L, "330106002002", null);
    verify(requests).reroute(7L, Routing.Level.VILLAGE, null);
  }

  @Test
  void signingMakesTheSignerTheHandlerAndARatingIsRecordedWithItsReason() {
    steps.complete(task(TASK_SIGN, "caseworker@" + TAOYUAN_VILLAGE, null), input(SIGN, null), WANG);
    verify(requests).handler(7L, "wang.fang");

    CaseTask callback = task(TASK_CALLBACK, "caseworker@" + TAOYUAN_VILLAGE, null);
    assertThat(refused(callback, new StepInput(RATE, null, null, null, null, "NOT_SATISFIED")).errors())
        .extracting(InvalidInputException.FieldError::field).containsExactly("comment");
    Map<String, Object> v = steps.complete(callback, new StepInput(RATE, null, null, null, null, "SATISFIED"), WANG);
    assertThat(v).containsEntry("rating", "SATISFIED").containsEntry("decision", RATE);
    assertThatThrownBy(() -> steps.complete(callback, input("teleport", null), WANG)).isInstanceOf(InvalidInputException.class);
  }
}
