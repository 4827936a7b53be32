package org.linli.request;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.casefile.StepGate;
import org.linli.request.internal.ResidentRequestRepository;
import org.linli.system.ConflictException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The resident rates the reply through the link that came with it; this completes the callback. */
@Service
public class ResidentRatings {

  private final ResidentRequestRepository requests;
  private final CaseFiles cases;
  private final TaskService tasks;

  ResidentRatings(ResidentRequestRepository requests, CaseFiles cases, TaskService tasks) {
    this.requests = requests;
    this.cases = cases;
    this.tasks = tasks;
  }

  @Transactional
  public void rate(String token, String ratingValue, String comment) {
    Rating rating = Rating.parse(ratingValue);
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    if (note != null && note.length() > 2000) {
      throw new InvalidInputException("comment", "最多2000字 at most 2000 characters");
    }
    if (rating == Rating.NOT_SATISFIED && note == null) {
      throw new InvalidInputException("comment", "请告诉我们哪里不满意 tell us what is not right");
    }
    ResidentRequest request = requests.byRatingToken(token)
        .orElseThrow(() -> new NotFoundException("这个评价链接无效 this rating link is not valid"));
    CaseTask callback = cases.openTasks(request.caseId()).stream()
        .filter(t -> t.activityId().equals(RequestProcess.TASK_CALLBACK))
        .findFirst()
        .orElseThrow(() -> new ConflictException("已评价过, 或答复已更新 already rated, or the reply has changed"));
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.DECISION, RequestProcess.RATE);
    v.put(CaseVariables.RATING, rating.name());
    v.put(CaseVariables.COMMENT, note == null ? "居民评价" : "居民评价：" + note);
    StepGate.complete(callback.taskId(), () -> tasks.complete(callback.taskId(), v));
  }
}
