package org.linli.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.casefile.DoneStep;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;

/** The reply step and the resident's rating as the timeline and 已办 keep them. */
@LinliIntegrationTest
class ReplyAndRatingTests {

  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired ResidentRatings ratings;
  @Autowired ResidentRequests requests;

  CaseTask open(String number) {
    return cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0);
  }

  String signed(String phone) {
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "村口路灯不亮，夜里看不清路", "330106002001", "村口", null,
        null, "张三", phone, null, Channel.HOTLINE, null), users.get("liu.yang")).caseNumber();
    tasks.complete(users.get("wang.fang"), open(number).taskId(), new StepInput(RequestProcess.SIGN, null, null, null, null, null));
    return number;
  }

  @Test
  void aFullReplyAndAFullInternalNoteAreBothKeptWhole() {
    String number = signed("13900001198");
    String reply = "已".repeat(2000);
    String note = "注".repeat(2000);
    tasks.complete(users.get("wang.fang"), open(number).taskId(), StepInput.replying(reply, note));
    java.util.List<String> notes = cases.timeline(cases.byNumber(number).orElseThrow().id()).stream()
        .map(org.linli.casefile.CaseEvent::note).filter(java.util.Objects::nonNull).toList();
    assertThat(notes).contains(reply, note);
  }

  @Test
  void theCaseworkerWhoHeldTheCallbackDidNotDoTheRating() {
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "村口路灯不亮，夜里看不清路", "330106002001", "村口", null,
        null, "张三", "13900001199", null, Channel.HOTLINE, null), users.get("liu.yang")).caseNumber();
    tasks.complete(users.get("wang.fang"), open(number).taskId(), new StepInput(RequestProcess.SIGN, null, null, null, null, null));
    tasks.complete(users.get("wang.fang"), open(number).taskId(), StepInput.replying("已修复", null));
    tasks.claim(users.get("wang.fang"), open(number).taskId()); // she means to phone the resident
    ratings.rate(requests.byCaseNumber(number).orElseThrow().ratingToken(), "SATISFIED", null);

    java.util.List<DoneStep> done = tasks.done(users.get("wang.fang"), 0, 200).items().stream()
        .filter(d -> d.caseNumber().equals(number)).toList();
    assertThat(done).extracting(DoneStep::step).as("her sign-for and reply, not the resident's rating")
        .containsExactlyInAnyOrder("Task_SignRequest", "Task_HandleRequest");
  }
}
