/** Supervision (督查): urging cases of an area and the daily digest of overdue and at-risk work. */
package org.linli.supervision;
