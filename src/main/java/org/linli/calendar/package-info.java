/** Working-day calendar: weekends, official holidays, make-up days and office hours. */
package org.linli.calendar;
