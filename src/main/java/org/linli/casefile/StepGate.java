package org.linli.casefile;

import java.util.function.Supplier;

/**
 * A step of a case completes only through Linli's step rules: the task list's completer, or a
 * feature's own rule such as the resident's rating. Whoever completes a case's user task in the
 * engine another way (its REST API, Tasklist, a direct {@code TaskService.complete}) is refused,
 * because the variables they send would decide the path unchecked.
 *
 * <pre>{@code
 * Map<String, Object> variables = completer.complete(task, input, user); // the step's rules
 * stepGate.complete(taskId, () -> taskService.complete(taskId, variables));
 * }</pre>
 */
public final class StepGate {

  private static final ThreadLocal<String> OPEN_FOR = new ThreadLocal<>();
  /** The member of staff completing the open task, when it is one (not a resident's rating, not a job). */
  private static final ThreadLocal<String> BY = new ThreadLocal<>();

  private StepGate() {}

  /** Runs the completion of one task, which the step's rules have checked. */
  public static void complete(String taskId, Runnable completion) {
    complete(taskId, () -> {
      completion.run();
      return null;
    });
  }

  public static <T> T complete(String taskId, Supplier<T> completion) {
    String outer = OPEN_FOR.get();
    OPEN_FOR.set(taskId);
    try {
      return completion.get();
    } finally {
      if (outer == null) {
        OPEN_FOR.remove();
      } else {
        OPEN_FOR.set(outer);
      }
    }
  }

  /** Runs a member of staff's completion of one task, which the step's rules have checked. */
  public static void completeByStaff(String taskId, String username, Runnable completion) {
    String outer = BY.get();
    BY.set(username);
    try {
      complete(taskId, completion);
    } finally {
      if (outer == null) {
        BY.remove();
      } else {
        BY.set(outer);
      }
    }
  }

  /** Who of staff completes the task on this thread, or null (a resident, a job, a listener). */
  public static String staffCompleting(String taskId) {
    return isOpenFor(taskId) ? BY.get() : null;
  }

  /** Whether the task is being completed through its step's rules on this thread. */
  public static boolean isOpenFor(String taskId) {
    return taskId != null && taskId.equals(OPEN_FOR.get());
  }
}
