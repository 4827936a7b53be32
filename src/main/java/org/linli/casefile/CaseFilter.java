package org.linli.casefile;

import java.time.Instant;
import org.linli.organization.Scope;

/** Which cases to list: always within a scope; the rest narrows it. */
public record CaseFilter(
    Scope scope,
    CaseStatus status,
    String kind,
    String categoryCode,
    String divisionCode,
    Instant dueBefore,
    DeadlineState deadlineState,
    Boolean urged) {}
