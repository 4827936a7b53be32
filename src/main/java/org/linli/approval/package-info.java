/**
 * Verification and approval (审核审批): the reusable {@code verification-approval} process that any
 * case process calls for one or more review levels, and the step rules its review tasks follow.
 * See {@link org.linli.approval.ApprovalProcess} for the contract with the caller.
 */
package org.linli.approval;
