package org.linli.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.organization.Division;
import org.linli.organization.DivisionKind;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.organization.StaffMember;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.security.LinliUser;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/** Handing a step over to a colleague of the same group (转交), and the area queue and search. */
@LinliIntegrationTest
class HandOverTests {

  // a village of its own, so that its two caseworkers do not change what other tests' groups hold
  static final String VILLAGE = "330106003009";

  @Autowired OrganizationService organization;
  @Autowired RequestIntake intake;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;

  LinliUser user(String username) {
    return new LinliUser(username, username, organization.groupsOf(username), organization.scopeOf(username));
  }

  void ensureVillage() {
    if (organization.division(VILLAGE).isPresent()) {
      return;
    }
    organization.addDivision(new Division(VILLAGE, "白云村", DivisionKind.VILLAGE, "330106003"));
    for (String u : List.of("bai.one", "bai.two")) {
      // names as people have them: the Chinese pages' test reads every name in the area's lists
      organization.saveStaff(new StaffMember(u, u.equals("bai.one") ? "白一" : "白二", u + "@linli.example", null, true), "demo");
      organization.assignRole(u, RoleAssignment.of(Role.CASEWORKER, VILLAGE));
    }
  }

  @Test
  void aStepGoesToAColleagueOfTheSameGroupOnly() {
    ensureVillage();
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "白云村口路灯不亮", VILLAGE, "村口", null, null,
        "赵六", "13900007777", null, Channel.HOTLINE, null), staff()).caseNumber();
    CaseTask sign = cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0);
    assertThat(tasks.colleagues(user("bai.one"), sign)).extracting(StaffMember::username).containsExactly("bai.two");

    assertThatThrownBy(() -> tasks.handOver(user("bai.one"), sign.taskId(), "wang.fang", null))
        .as("not a member of the group").isInstanceOf(InvalidInputException.class);
    tasks.handOver(user("bai.one"), sign.taskId(), "bai.two", "我明天休假");
    assertThat(cases.task(sign.taskId()).orElseThrow().assignee()).isEqualTo("bai.two");
    CaseEvent last = cases.timeline(cases.byNumber(number).orElseThrow().id()).get(1);
    assertThat(last.type()).isEqualTo(CaseEventType.HANDED_OVER);
    assertThat(last.note()).contains("bai.two", "我明天休假");
    assertThatThrownBy(() -> tasks.handOver(user("bai.one"), sign.taskId(), "bai.one", null))
        .as("it is no longer hers").isInstanceOf(org.linli.system.ConflictException.class);

    // the township sees it in its area queue, found by number, phone or title; the village's own queue too
    LinliUser township = user("ma.tao");
    assertThat(tasks.list(township, query(TaskActions.Queue.AREA, number)).items()).extracting(TaskView::caseNumber).containsExactly(number);
    assertThat(tasks.list(township, query(TaskActions.Queue.AREA, number.substring(0, 7) + Integer.parseInt(number.substring(7))))
        .items()).as("without the leading zeros").hasSize(1);
    assertThat(tasks.list(township, query(TaskActions.Queue.AREA, "13900007777")).items()).hasSize(1);
    String landline = intake.submitByStaff(new IntakeForm("streetlight", null, "白云村桥头路灯不亮", VILLAGE, "桥头", null, null,
        "钱七", "0571-88886666", null, Channel.HOTLINE, null), staff()).caseNumber();
    assertThat(tasks.list(township, query(TaskActions.Queue.AREA, "057188886666")).items()).extracting(TaskView::caseNumber)
        .as("a landline found without its dash").containsExactly(landline);
    assertThat(tasks.list(township, query(TaskActions.Queue.AREA, "白云村口")).items()).hasSize(1);
    assertThat(tasks.list(user("bai.two"), query(TaskActions.Queue.MINE, null)).items()).extracting(TaskView::caseNumber).contains(number);
    assertThat(tasks.list(user("wang.fang"), query(TaskActions.Queue.AREA, number)).total()).as("another township").isZero();
    TaskActions.QueueCounts counts = tasks.counts(user("bai.two"));
    assertThat(counts.mine()).isGreaterThanOrEqualTo(1);
    assertThat(counts.area()).isGreaterThanOrEqualTo(counts.mine());
  }

  static TaskQuery query(TaskActions.Queue queue, String q) {
    return new TaskQuery(queue, null, null, null, null, q, null, false, false, null, 0, 20);
  }

  /** Takes requests in as the county's supervisor, whose area covers every village. */
  LinliUser staff() {
    return user("huang.hua");
  }
}
