/** Resident requests (民呼我为): intake, routing, handling, reply, rating and reopening. */
package org.linli.request;
