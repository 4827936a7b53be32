/**
 * Social assistance (社会救助): household application data, identity numbers, standards in force
 * and the eligibility pre-check. Incomes, health and whole ID numbers are sensitive: they leave
 * this package masked ({@link org.linli.assistance.HouseholdView}) or logged
 * ({@link org.linli.assistance.HouseholdDetail}).
 */
package org.linli.assistance;
