/** The case record above each process instance: number, status, owner, deadlines, timeline. */
package org.linli.casefile;
