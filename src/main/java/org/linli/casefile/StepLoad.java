package org.linli.casefile;

/**
 * The open steps of an area at one activity of a process: how many, and how many of them past
 * their due time now.
 *
 * @param name the step's name as the model writes it ("签收 Sign for")
 */
public record StepLoad(String kind, String processDefinitionKey, String activityId, String name, long open, long overdue) {}
