/**
 * The engine side of case records, for the delegates and expression beans of every feature: which
 * case an execution belongs to. Everything else of a case goes through the engine-free
 * {@link org.linli.casefile.CaseFiles}.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.linli.casefile.engine;
