package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.assistance.AssistanceProcess.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.approval.ApprovalProcess;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bpmn/assistance-application.bpmn with the demo county: 桃源村 (caseworker wang.fang), 桃源镇 (liu.yang),
 * civil affairs (wu.lei). Standard 1170 CNY in March 2026. Jobs run by hand, time by the engine clock.
 */
@LinliIntegrationTest
class AssistanceProcessTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** A verifier that fails while {@link #failing} is set, else reads the declared data. */
  static final AtomicBoolean failing = new AtomicBoolean();
  /** Entitlements opened: "caseId programme amount startMonth". */
  static final List<String> opened = Collections.synchronizedList(new ArrayList<>());

  @TestConfiguration
  static class Seams {
    @Bean
    @Primary
    HouseholdVerifier switchableVerifier(AssistanceStandards standards, org.linli.calendar.WorkingCalendar calendar) {
      HouseholdVerifier declared = new org.linli.assistance.internal.DeclaredDataVerifier(standards, calendar);
      return (number, application) -> {
        if (failing.get()) {
          throw new HouseholdVerifier.VerificationFailed("核对系统不可用 test: verifier down", null);
        }
        return declared.verify(number, application);
      };
    }

    @Bean
    @Primary
    EntitlementSink recordingSink() {
      return new EntitlementSink() {
        @Override
        public void open(long caseId, String programme, java.math.BigDecimal amount, java.time.YearMonth start) {
          opened.add(caseId + " " + programme + " " + amount + " " + start);
        }

        @Override
        public java.util.Optional<Opened> opened(long caseId) {
          return opened.stream().filter(o -> o.startsWith(caseId + " ")).findFirst().map(o -> o.split(" "))
              .map(f -> new Opened(new BigDecimal(f[2]), YearMonth.parse(f[3])));
        }
      };
    }
  }

  @Autowired AssistanceIntake intake;
  @Autowired AssistanceObjections objections;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void start() {
    failing.set(false);
    opened.clear();
    clock("2026-03-02T09:00"); // a Monday
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void clock(String local) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant()));
  }

  static void later(java.time.Duration d) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(d)));
  }

  String apply(HouseholdApplication a, boolean urgent) {
    return intake.apply(a, users.get("wang.fang"), urgent).caseNumber();
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  CaseTask theOpen(String number) {
    List<CaseTask> open = cases.openTasks(caseFile(number).id());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  void complete(String user, String number, String activity, String decision, String comment, String missing,
      Map<String, Object> fields) {
    CaseTask t = theOpen(number);
    assertThat(t.activityId()).isEqualTo(activity);
    tasks.complete(users.get(user), t.taskId(), new StepInput(decision, comment, null, null, null, null, missing, fields));
  }

  Job job(String number, String activity) {
    return management.createJobQuery().processInstanceId(caseFile(number).processInstanceId()).activityId(activity).singleResult();
  }

  void verify(String number) {
    management.executeJob(job(number, TASK_VERIFY).getId());
  }

  void visit(String number) {
    complete("wang.fang", number, TASK_HOME_VISIT, VISIT, "住房简陋，丈夫卧床，无其他收入来源", null,
        Map.of("visitor1", "wang.fang", "visitor2", "li.qiang", "visitDate", "2026-03-02"));
  }

  /** Acceptance, verification, home visit: the case is in its notice period. */
  void upToNotice(String number) {
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
    verify(number);
    visit(number);
    assertThat(job(number, TIMER_NOTICE)).isNotNull();
  }

  void passNotice(String number) {
    later(java.time.Duration.ofDays(7).plusMinutes(1));
    management.executeJob(job(number, TIMER_NOTICE).getId());
  }

  Map<String, Object> variables(String number) {
    Map<String, Object> out = new java.util.HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(caseFile(number).processInstanceId()).list()
        .forEach(h -> out.put(h.getName(), h.getValue()));
    return out;
  }

  List<String> notes(String number) {
    // Linli's own notes in both languages, a person's as written
    return cases.timeline(caseFile(number).id()).stream().filter(e -> e.note() != null)
        .map(e -> e.noteEn() == null ? e.note() : e.note() + " " + e.noteEn()).toList();
  }

  @Test
  void dibaoApprovedEndToEndWithTheAmountFromTheTable() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    assertThat(number).startsWith("JZ2026-");
    CaseFile c = caseFile(number);
    assertThat(c.title()).isEqualTo("最低生活保障申请 张**");
    assertThat(c.categoryCode()).isEqualTo("DIBAO");
    assertThat(c.caseDue()).isNotNull();
    CaseTask accept = theOpen(number);
    assertThat(accept.candidateGroup()).isEqualTo("township@330106002");
    // 3 working days from Monday 09:00: close of office on Thursday
    assertThat(accept.dueAt()).isEqualTo(LocalDateTime.parse("2026-03-05T17:30").atZone(SHANGHAI).toInstant());

    upToNotice(number);
    assertThat(variables(number)).containsEntry(VAR_ELIGIBLE, true)
        .as("the household's figures stay in Linli's tables, out of reach of the engine's API")
        .doesNotContainKeys(IN_PER_CAPITA_INCOME, IN_STANDARD, IN_HOUSEHOLD_SIZE, IN_SAVINGS_PER_CAPITA, "monthlyAmount");
    assertThat(jdbc.sql("select monthly_amount from assistance_assessment where case_id = ?").param(caseFile(number).id())
        .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("2010.00");
    assertThat(notes(number)).anyMatch(n -> n.contains("符合条件") && n.contains("2010.00"));
    passNotice(number);

    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    CaseTask department = theOpen(number);
    assertThat(department.candidateGroup()).isEqualTo("dept-mz@330106");
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, "同意", null, null);

    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(opened).containsExactly(c.id() + " DIBAO 2010.00 2026-04");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId())
        .activityId(END_APPROVED).count()).isEqualTo(1);
    assertThat(notes(number)).anyMatch(n -> n.contains("Applicant told: approved, 2010.00"));
    assertThat(cases.timeline(c.id()).stream().filter(e -> e.type() == CaseEventType.CLOSED).count()).as("closed once")
        .isEqualTo(1);
  }

  @Test
  void tekunApprovedWithTheSupportStandard() {
    HouseholdApplication a = HouseholdFixtures.family(Programme.TEKUN);
    List<HouseholdMember> members = List.of(
        HouseholdFixtures.member("赵老汉", Relation.SELF, LocalDate.of(1950, 1, 20), "211", "300.00"));
    String number = apply(HouseholdFixtures.withMembers(a, members), false);
    upToNotice(number);
    passNotice(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    assertThat(opened).containsExactly(caseFile(number).id() + " TEKUN 1521.00 2026-04");
  }

  @Test
  void rejectedAtApprovalTellsTheReasonAndTheAppeal() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    upToNotice(number);
    passNotice(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.REJECT, "家庭有隐瞒收入", null, null);
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(opened).isEmpty();
    assertThat(notes(number)).anyMatch(n -> n.contains("Applicant told: refused") && n.contains("家庭有隐瞒收入")
        && n.contains("60"));
  }

  @Test
  void returnedAtAcceptanceAndResubmitted() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    assertThatThrownBy(() -> complete("liu.yang", number, TASK_ACCEPT, RETURN, "缺材料", null, null))
        .isInstanceOf(InvalidInputException.class);
    complete("liu.yang", number, TASK_ACCEPT, RETURN, "缺少收入证明", "收入证明", null);
    assertThat(theOpen(number).candidateGroup()).isEqualTo("caseworker@330106002001");
    complete("wang.fang", number, TASK_COMPLETE_MATERIALS, RESUBMIT, "已补交收入证明", null, null);
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
    assertThat(job(number, TASK_VERIFY)).isNotNull();
  }

  @Test
  void homeVisitNeedsTwoDifferentStaff() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
    verify(number);
    assertThatThrownBy(() -> complete("wang.fang", number, TASK_HOME_VISIT, VISIT, "情况属实", null,
        Map.of("visitor1", "wang.fang", "visitor2", "wang.fang", "visitDate", "2026-03-02")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("visitor2"));
    // visitors are the village's own staff, chosen by user name, not any name typed in
    assertThatThrownBy(() -> complete("wang.fang", number, TASK_HOME_VISIT, VISIT, "情况属实", null,
        Map.of("visitor1", "liu.yang", "visitor2", "王五", "visitDate", "2026-03-02")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("visitor1", "visitor2"));
    assertThat(theOpen(number).activityId()).isEqualTo(TASK_HOME_VISIT);
    // a case started on the form before the picker sends the names typed: one of the village's staff each
    complete("wang.fang", number, TASK_HOME_VISIT, VISIT, "情况属实", null,
        Map.of("visitor1", "王芳", "visitor2", "李强", "visitDate", "2026-03-02"));
    assertThat(notes(number)).anyMatch(n -> n.contains("王芳、李强"));
  }

  @Test
  void objectionDuringNoticeGoesBackToVerification() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    upToNotice(number);
    objections.object(number, "邻居反映其有经营收入");
    assertThat(job(number, TIMER_NOTICE)).isNull();
    assertThat(job(number, TASK_VERIFY)).isNotNull();
    assertThat(notes(number)).anyMatch(n -> n.contains("邻居反映其有经营收入"));
    verify(number);
    visit(number);
    assertThat(job(number, TIMER_NOTICE)).isNotNull(); // a new notice period
  }

  @Test
  void noticeTimerWaitsSevenDays() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    upToNotice(number);
    Instant due = job(number, TIMER_NOTICE).getDuedate().toInstant();
    assertThat(due).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(7)));
    passNotice(number);
    assertThat(theOpen(number).activityId()).isEqualTo(ApprovalProcess.TASK_REVIEW);
    assertThatThrownBy(() -> objections.object(number, "公示期已过的异议"))
        .isInstanceOf(org.linli.system.ConflictException.class);
  }

  @Test
  void failingVerifierRetriesThenIncidentThenRecovers() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
    failing.set(true);
    for (int retries = 2; retries >= 0; retries--) {
      Job j = job(number, TASK_VERIFY);
      assertThatThrownBy(() -> management.executeJob(j.getId())).hasMessageContaining("verifier down");
      Job after = job(number, TASK_VERIFY);
      assertThat(after.getRetries()).isEqualTo(retries);
      later(java.time.Duration.ofMinutes(5));
    }
    assertThat(job(number, TASK_VERIFY).getExceptionMessage()).contains("verifier down");
    String pid = caseFile(number).processInstanceId();
    assertThat(org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getRuntimeService()
        .createIncidentQuery().processInstanceId(pid).count()).isEqualTo(1);
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.OPEN); // the application is kept

    failing.set(false);
    Job stuck = job(number, TASK_VERIFY);
    management.setJobRetries(stuck.getId(), 1);
    management.executeJob(stuck.getId());
    assertThat(theOpen(number).activityId()).isEqualTo(TASK_HOME_VISIT);
  }

  @Test
  void urgentTemporaryAssistanceIsPaidFirstAndTheFileCompletedAfter() {
    String number = apply(HouseholdFixtures.family(Programme.LINSHI), true);
    CaseTask grant = theOpen(number);
    assertThat(grant.activityId()).isEqualTo(TASK_URGENT_GRANT);
    assertThat(grant.dueAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofHours(24)));
    complete("liu.yang", number, TASK_URGENT_GRANT, RELIEVE, "火灾受灾，先行救助", null, null);
    long caseId = caseFile(number).id();
    assertThat(opened).containsExactly(caseId + " LINSHI 2000 2026-03");
    upToNotice(number);
    passNotice(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    // what the notice once read from variables, written through the engine while civil affairs decides
    org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getRuntimeService().setVariables(
        caseFile(number).processInstanceId(), Map.of("monthlyAmount", "99500.00", "startMonth", "2020-01"));
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    assertThat(opened).hasSize(1); // not paid twice
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(notes(number)).as("the applicant is told what was paid").anyMatch(n -> n.contains("批准，2000 元"))
        .noneMatch(n -> n.contains("99500"));
  }

  @Test
  void onlyTheVillagesCaseworkersApplyAndUrgentIsForTemporaryAssistance() {
    assertThatThrownBy(() -> intake.apply(HouseholdFixtures.family(Programme.DIBAO), users.get("liu.yang")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> apply(HouseholdFixtures.family(Programme.DIBAO), true))
        .isInstanceOf(InvalidInputException.class);
  }

  /** Rows of household data sent out of Linli for the case (only the HTTP verifier sends any). */
  long disclosures(String number) {
    return jdbc.sql("select count(*) from sensitive_access_log where case_id = ? and field_group = ?")
        .params(caseFile(number).id(), AssistanceFiles.FIELD_GROUP_EXTERNAL_VERIFICATION).query(Long.class).single();
  }

  /**
   * Every point where the flow can refuse, for every programme: not accepted by the township, not
   * eligible by assistance-eligibility.dmn, rejected at the township review or by civil affairs. LINSHI
   * also on the urgent path, with the urgent grant given (the one-off stays paid) or declined (the file
   * goes on the normal path; a declined urgent grant is not a refusal of the application).
   */
  @Nested
  class Refusals {

    static final String NOT_LOCAL = "户籍不在本乡镇，请向户籍所在地申请";
    static final String HIDDEN_INCOME = "家庭有隐瞒收入，经查有经营性收入";
    static final String COUNTY_FOUND = "经县级抽查，赡养人有赡养能力";

    /** A programme, and for LINSHI whether the township was asked for urgent help and what it decided. */
    enum Variant {
      DIBAO(Programme.DIBAO, null),
      TEKUN(Programme.TEKUN, null),
      LINSHI(Programme.LINSHI, null),
      LINSHI_URGENT_RELIEVED(Programme.LINSHI, RELIEVE),
      LINSHI_URGENT_DECLINED(Programme.LINSHI, DECLINE);

      final Programme programme;
      final String urgentDecision;

      Variant(Programme programme, String urgentDecision) {
        this.programme = programme;
        this.urgentDecision = urgentDecision;
      }

      HouseholdApplication application() {
        HouseholdApplication a = HouseholdFixtures.family(programme);
        return programme == Programme.TEKUN ? HouseholdFixtures.withMembers(a, List.of(
            HouseholdFixtures.member("赵老汉", Relation.SELF, LocalDate.of(1950, 1, 20), "211", "300.00"))) : a;
      }
    }

    /** Applies and, on the urgent path, lets the township decide; returns the case number. */
    String start(Variant v) {
      String number = apply(v.application(), v.urgentDecision != null);
      if (v.urgentDecision != null) {
        complete("liu.yang", number, TASK_URGENT_GRANT, v.urgentDecision,
            RELIEVE.equals(v.urgentDecision) ? "火灾受灾，先行救助" : "情况不属紧急，按一般程序办理", null, null);
        assertThat(theOpen(number).activityId()).isEqualTo(TASK_ACCEPT);
      }
      return number;
    }

    /** What a refused case may have been paid: the urgent one-off only, if it was granted. */
    List<String> paidBefore(Variant v, String number) {
      return RELIEVE.equals(v.urgentDecision) ? List.of(caseFile(number).id() + " LINSHI 2000 2026-03") : List.of();
    }

    void assertRefused(String number, String level, String reason, List<String> paidBefore) {
      CaseFile c = caseFile(number);
      assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
      assertThat(c.closedAt()).isNotNull();
      assertThat(cases.openTasks(c.id())).isEmpty();
      var instance = history.createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
      assertThat(instance.getEndTime()).as("the process ended").isNotNull();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId())
          .activityId(END_REJECTED).finished().count()).isEqualTo(1);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId())
          .activityId(END_APPROVED).count()).isZero();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId())
          .activityId(TASK_OPEN_ENTITLEMENT).count()).as("no entitlement step").isZero();
      assertThat(opened).as("nothing opened beyond urgent help already given").containsExactlyElementsOf(paidBefore);
      assertThat(notes(number)).as("the timeline names who refused and why, and the appeal")
          .anyMatch(n -> n.contains("Applicant told: refused by " + level) && n.contains(reason)
              && n.contains(RECONSIDERATION_DAYS + "日内申请行政复议"));
      assertThat(disclosures(number)).as("the built-in verifier sends nothing out").isZero();
    }

    void assertApprovalOutcome(String number, String level, String reason) {
      assertThat(variables(number)).containsEntry(ApprovalProcess.VAR_OUTCOME, "REJECTED")
          .containsEntry(ApprovalProcess.VAR_LEVEL, level).containsEntry(ApprovalProcess.VAR_REASONS, reason);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void notAcceptedByTheTownship(Variant v) {
      String number = start(v);
      assertThat(tasks.get(users.get("liu.yang"), theOpen(number).taskId()).decisions()).containsExactly(ACCEPT, RETURN, REJECT);
      assertThatThrownBy(() -> complete("liu.yang", number, TASK_ACCEPT, REJECT, " ", null, null))
          .as("a refusal needs its reason").isInstanceOf(InvalidInputException.class);
      assertThat(caseFile(number).status()).isEqualTo(CaseStatus.OPEN);

      complete("liu.yang", number, TASK_ACCEPT, REJECT, NOT_LOCAL, null, null);

      assertRefused(number, LEVEL_ACCEPTANCE, NOT_LOCAL, paidBefore(v, number));
      assertThat(job(number, TASK_VERIFY)).as("never verified").isNull();
      assertThat(variables(number)).doesNotContainKey(ApprovalProcess.VAR_OUTCOME);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void rejectedAtTheTownshipReview(Variant v) {
      String number = start(v);
      upToNotice(number);
      passNotice(number);
      assertThat(theOpen(number).candidateGroup()).isEqualTo("township@330106002");
      complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.REJECT, HIDDEN_INCOME, null, null);

      assertRefused(number, LEVEL_TOWNSHIP_REVIEW, HIDDEN_INCOME, paidBefore(v, number));
      assertApprovalOutcome(number, LEVEL_TOWNSHIP_REVIEW, HIDDEN_INCOME);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void rejectedByCivilAffairs(Variant v) {
      String number = start(v);
      upToNotice(number);
      passNotice(number);
      complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, "同意上报", null, null);
      assertThat(theOpen(number).candidateGroup()).isEqualTo("dept-mz@330106");
      complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.REJECT, COUNTY_FOUND, null, null);

      assertRefused(number, LEVEL_DEPARTMENT_APPROVAL, COUNTY_FOUND, paidBefore(v, number));
      assertApprovalOutcome(number, LEVEL_DEPARTMENT_APPROVAL, COUNTY_FOUND);
    }

    /** After a return for correction, the file can still be refused at acceptance: the refusal is the acceptance's. */
    @Test
    void returnedByTheApprovalThenNotAccepted() {
      String number = start(Variant.DIBAO);
      upToNotice(number);
      passNotice(number);
      complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.RETURN, "缺少赡养人收入证明", "赡养人收入证明", null);
      complete("wang.fang", number, TASK_COMPLETE_MATERIALS, RESUBMIT, "申请人无法提供赡养人收入证明", null, null);
      complete("liu.yang", number, TASK_ACCEPT, REJECT, NOT_LOCAL, null, null);

      assertRefused(number, LEVEL_ACCEPTANCE, NOT_LOCAL, List.of());
      assertThat(variables(number)).containsEntry(ApprovalProcess.VAR_OUTCOME, "RETURNED");
    }

    static List<HouseholdMember> single(LocalDate birth, String income) {
      return List.of(HouseholdFixtures.member("赵老汉", Relation.SELF, birth, "211", income));
    }

    static Stream<Arguments> ineligible() {
      HouseholdApplication dibao = HouseholdFixtures.family(Programme.DIBAO);
      HouseholdApplication tekun = HouseholdFixtures.family(Programme.TEKUN);
      return Stream.of(
          Arguments.of("DIBAO income above the standard", HouseholdFixtures.withMembers(dibao, List.of(
              HouseholdFixtures.member("张建国", Relation.SELF, LocalDate.of(1975, 4, 12), "123", "2400.00"),
              HouseholdFixtures.member("李秀英", Relation.SPOUSE, LocalDate.of(1978, 9, 30), "124", "1200.00"))),
              "家庭人均收入不低于低保标准"),
          Arguments.of("DIBAO savings above the limit", HouseholdFixtures.withAssets(dibao,
              new Assets(1, new BigDecimal("60.00"), 0, BigDecimal.ZERO, new BigDecimal("120000.00"), false, null)),
              "人均存款超过限额"),
          Arguments.of("DIBAO vehicle above the limit", HouseholdFixtures.withAssets(dibao,
              new Assets(1, new BigDecimal("60.00"), 1, new BigDecimal("80000.00"), new BigDecimal("5000.00"), false, null)),
              "车辆价值超过限额"),
          Arguments.of("DIBAO two dwellings", HouseholdFixtures.withAssets(dibao,
              new Assets(2, new BigDecimal("120.00"), 0, BigDecimal.ZERO, new BigDecimal("5000.00"), false, null)),
              "住房超过限定套数"),
          Arguments.of("TEKUN income above the standard", HouseholdFixtures.withMembers(tekun,
              single(LocalDate.of(1950, 1, 20), "1500.00")), "家庭人均收入不低于低保标准"),
          Arguments.of("TEKUN applicant of working age", HouseholdFixtures.withMembers(tekun,
              single(LocalDate.of(1980, 1, 20), "300.00")), "申请人不属于特困供养对象"),
          Arguments.of("TEKUN savings above the limit", HouseholdFixtures.withAssets(HouseholdFixtures.withMembers(tekun,
              single(LocalDate.of(1950, 1, 20), "300.00")),
              new Assets(1, new BigDecimal("40.00"), 0, BigDecimal.ZERO, new BigDecimal("50000.00"), false, null)),
              "人均存款超过限额"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ineligible")
    void notEligibleByTheTable(String label, HouseholdApplication application, String reason) {
      String number = apply(application, false);
      complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
      verify(number);
      visit(number);

      assertRefused(number, LEVEL_ELIGIBILITY, reason, List.of());
      Map<String, Object> vars = variables(number);
      assertThat(vars).containsEntry(VAR_ELIGIBLE, false).doesNotContainKey(ApprovalProcess.VAR_OUTCOME);
      assertThat((String) vars.get(VAR_ELIGIBILITY_REASON)).contains(reason);
      assertThat(vars.get("monthlyAmount")).isNull();
      assertThat(job(number, TIMER_NOTICE)).as("no public notice").isNull();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(caseFile(number).processInstanceId())
          .activityId(TASK_APPROVE).count()).as("no approval").isZero();
    }
  }
}
