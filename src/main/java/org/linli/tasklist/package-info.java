/** The caseworker's task list: queues, claim, unclaim, and completing steps through each feature's rules. */
package org.linli.tasklist;
