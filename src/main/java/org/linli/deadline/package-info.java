/**
 * Deadlines: time limits from the DMN tables in {@code bpmn/}, due and warning times of steps,
 * the yellow and red marks (each once), escalation and the sweep that catches what timers missed.
 */
package org.linli.deadline;
