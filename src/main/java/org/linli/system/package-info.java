/**
 * Cross-cutting base: engine and web configuration, error handling, the engine clock.
 * Depends on no feature; every feature may use its public types.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.linli.system;
