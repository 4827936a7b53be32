/**
 * Public alerts of emergencies in OASIS Common Alerting Protocol 1.2 (应急预警发布). Listens to
 * {@link org.linli.emergency.IncidentAlert}: warnings and incidents of level III and above get an
 * Alert; later changes of such a case an Update (an all-clear with responseType AllClear), a
 * withdrawal a Cancel, each referencing every earlier alert of the case. Every document is
 * validated against the bundled OASIS schema ({@code cap/cap12.xsd}) before it is stored or mailed.
 * Served to staff of the area, as a public Atom feed (status Actual only) and mailed to
 * subscribers by area and minimum level; drills (status Exercise) reach their participants only.
 */
package org.linli.alert;
