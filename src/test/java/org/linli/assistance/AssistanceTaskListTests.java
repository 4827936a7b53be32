package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.CaseKindSupport;
import org.linli.tasklist.TaskActions;
import org.linli.tasklist.TaskQuery;
import org.linli.tasklist.TaskView;
import org.springframework.beans.factory.annotation.Autowired;

/** An assistance application in the caseworkers' task list: its programme and a masked household. */
@LinliIntegrationTest
class AssistanceTaskListTests {

  @Autowired AssistanceIntake intake;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;

  @Test
  void theTownshipSeesTheApplicationWithItsProgrammeAndNoWholeIdNumbers() {
    HouseholdApplication a = HouseholdFixtures.family(Programme.DIBAO);
    String number = intake.apply(a, users.get("wang.fang")).caseNumber();
    assertThat(number).startsWith("JZ");
    TaskView accept = tasks.list(users.get("liu.yang"),
        new TaskQuery(TaskActions.Queue.GROUP, null, null, null, null, number, null, false, false, null, 0, 20)).items().get(0);
    assertThat(accept.kind()).isEqualTo(AssistanceProcess.KIND);

    CaseKindSupport kind = tasks.kindSupport(AssistanceProcess.KIND).orElseThrow();
    assertThat(kind.categoryName(accept.categoryCode(), false)).isEqualTo("最低生活保障");
    String household = kind.details(cases.byNumber(number).orElseThrow().id(), users.get("liu.yang"), false).toString();
    for (HouseholdMember m : a.members()) {
      assertThat(household).contains(m.name()).doesNotContain(m.idNumber()).contains(IdNumber.mask(m.idNumber()));
    }
    if (a.applicantPhone() != null) {
      assertThat(kind.caseIdsByPhone(a.applicantPhone())).contains(cases.byNumber(number).orElseThrow().id());
    }
  }
}
