package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.assistance.HouseholdFixtures.family;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.ConflictException;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.camunda.bpm.engine.TaskService;

/**
 * Storage of household data and who sees it whole. The case comes from the request loop (its first
 * step belongs to the village caseworkers of 桃源村): the rule is the same for any case with open steps.
 */
@LinliIntegrationTest
class HouseholdFilesTests {

  @Autowired AssistanceFiles files;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired TaskService tasks;

  long caseId;

  @BeforeEach
  void aCaseAtTaoyuanVillage() {
    String number = intake.submitByStaff(new IntakeForm("assistance", null, "咨询低保申请需要哪些材料", "330106002001",
        "桃源村12号", null, null, "张建国", "13900001111", null, null, null), staff()).caseNumber();
    caseId = cases.byNumber(number).orElseThrow().id();
  }

  long logRows() {
    return jdbc.sql("select count(*) from sensitive_access_log where case_id = ?").param(caseId).query(Long.class).single();
  }

  @Test
  void storesTheHouseholdAndListsItMasked() {
    HouseholdApplication a = family(Programme.DIBAO);
    files.save(caseId, a, "wang.fang");
    HouseholdView view = files.view(caseId).orElseThrow();
    assertThat(view.programme()).isEqualTo(Programme.DIBAO);
    assertThat(view.applicantName()).isEqualTo("张建国");
    assertThat(view.maskedPhone()).isEqualTo("139****1111");
    assertThat(view.members()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      String whole = a.members().get(i).idNumber();
      assertThat(view.members().get(i).maskedIdNumber()).isEqualTo(whole.substring(0, 6) + "********" + whole.substring(14));
    }
    assertThat(view.toString()).doesNotContain(a.members().get(0).idNumber(), "1500", "丈夫因病");
    assertThat(logRows()).isZero();
    assertThatThrownBy(() -> files.save(caseId, a, "wang.fang")).isInstanceOf(ConflictException.class);
  }

  @Test
  void refusesAnApplicationWithFieldErrorsAndWritesNothing() {
    HouseholdApplication a = family(Programme.DIBAO);
    HouseholdApplication bad = new HouseholdApplication(a.programme(), "330106009009", a.channel(), a.reason(),
        a.applicantEmail(), a.applicantPhone(), List.of(a.members().get(0), a.members().get(0)), a.assets());
    assertThatThrownBy(() -> files.save(caseId, bad, "wang.fang"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InvalidInputException.FieldError::field)
            .containsExactlyInAnyOrder("members[1].relation", "members[1].idNumber", "divisionCode"));
    assertThat(files.view(caseId)).isEmpty();
  }

  @Test
  void showsTheWholeHouseholdToTheCaseworkersOfTheStepAndLogsIt() {
    HouseholdApplication a = family(Programme.DIBAO);
    files.save(caseId, a, "wang.fang");
    HouseholdDetail detail = files.detail(caseId, users.get("wang.fang"), "入户核查 home visit");
    assertThat(detail.application().members().get(0).idNumber()).isEqualTo(a.members().get(0).idNumber());
    assertThat(detail.application().members().get(0).monthlyIncome()).isEqualByComparingTo("1500");
    assertThat(detail.perCapitaIncome()).isEqualByComparingTo("500");
    assertThat(detail.application().assets().savings()).isEqualByComparingTo("5000");
    assertThat(jdbc.sql("select accessed_by, field_group, purpose from sensitive_access_log where case_id = ?")
        .param(caseId).query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list())
        .containsExactly("wang.fang|HOUSEHOLD|入户核查 home visit");
  }

  @Test
  void refusesOtherStaffAndLogsNothingForThem() {
    files.save(caseId, family(Programme.DIBAO), "wang.fang");
    for (String other : List.of("zhao.min", "liu.yang", "huang.hua", "wu.lei")) {
      assertThatThrownBy(() -> files.detail(caseId, users.get(other), "看看 curious"))
          .as(other).isInstanceOf(ForbiddenException.class).hasMessageContaining("only staff acting on this case");
    }
    assertThatThrownBy(() -> files.detail(caseId, users.get("wang.fang"), " "))
        .isInstanceOf(InvalidInputException.class);
    assertThat(logRows()).isZero();
  }

  @Test
  void aStepGoesOnlyToMembersOfItsGroupSoAnAssigneeFromElsewhereNeverSeesTheHousehold() {
    files.save(caseId, family(Programme.DIBAO), "wang.fang");
    CaseTask step = cases.openTasks(caseId).get(0);
    // the engine's API lets a caller name any user: the case's own rule refuses one of another village
    assertThatThrownBy(() -> tasks.setAssignee(step.taskId(), "zhao.min"))
        .hasRootCauseInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("not a member");
    assertThat(cases.openTasks(caseId).get(0).assignee()).isNull();
    assertThatThrownBy(() -> files.detail(caseId, users.get("zhao.min"), "代班 standing in"))
        .isInstanceOf(ForbiddenException.class);
    assertThat(logRows()).isZero();
  }

  @Test
  void theLogRowBelongsToTheViewsTransaction() {
    files.save(caseId, family(Programme.DIBAO), "wang.fang");
    tx.executeWithoutResult(status -> {
      files.detail(caseId, users.get("wang.fang"), "核对 check");
      assertThat(logRows()).isOne();
      status.setRollbackOnly();
    });
    assertThat(logRows()).isZero();
  }

  /** Takes requests in as the county's supervisor, whose area covers every village. */
  org.linli.security.LinliUser staff() {
    return users.get("huang.hua");
  }
}
