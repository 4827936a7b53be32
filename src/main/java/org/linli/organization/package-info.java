/** Divisions, departments, staff and roles; the candidate-group naming rule and routing. */
package org.linli.organization;
