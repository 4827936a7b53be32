package org.linli.supervision;

/** The figures of one unit (a township, village, department, category or kind) of a break-down. */
public record Breakdown(
    String key,
    String name,
    long received,
    long closed,
    Double closedRate,
    Double onTimeRate,
    long closedLate,
    long overdueSteps,
    long rated,
    Double satisfactionRate,
    long reopened,
    long returns,
    long extensions,
    Double averageHandlingHours,
    long urgings) {

  /** What a break-down groups by. */
  public enum By { TOWNSHIP, VILLAGE, DEPARTMENT, CATEGORY, KIND }
}
