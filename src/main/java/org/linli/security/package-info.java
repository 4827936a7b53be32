/** Authentication against the engine's identity service, the current user and their area. */
package org.linli.security;
