/**
 * The hazard watch (隐患巡查): registered hazard points and their inspections on a cycle
 * ({@code bpmn/hazard-inspection.bpmn}). A finding of danger is reported to the emergency module
 * through {@link org.linli.emergency.EmergencyReports}; emergency does not depend on this module.
 */
package org.linli.hazard;
