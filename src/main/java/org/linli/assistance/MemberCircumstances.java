package org.linli.assistance;

import java.time.LocalDate;

/**
 * What decides whether a household member can work, for the re-check interval: age, employment and
 * disability grade. Carries no name, ID number or income, so it needs no logged view.
 */
public record MemberCircumstances(LocalDate birthDate, Employment employment, int disability) {}
