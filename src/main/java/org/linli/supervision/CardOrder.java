package org.linli.supervision;

import java.util.List;

/**
 * What a supervisor asks for when issuing a card: its colour ({@code YELLOW} or {@code RED}), the
 * unit (a village's or township's {@code divisionCode}, or a county's with a {@code departmentCode}),
 * the reason and the unit's overdue cases it names.
 */
public record CardOrder(String colour, String divisionCode, String departmentCode, String reason, List<String> caseNumbers) {}
