package org.linli.casefile;

/**
 * The steps of an area's cases completed at one activity in a time range, and the office time they
 * took in all, from opening to completion on the working-day calendar.
 *
 * @param completed how many completions are counted (those recorded with their time)
 * @param workingMinutes their office minutes, summed
 */
public record StepTime(String kind, String activityId, long completed, long workingMinutes) {

  /** The average working hours a step took; null when none was completed. */
  public Double averageHours() {
    return completed == 0 ? null : workingMinutes / 60.0 / completed;
  }
}
