/**
 * Payments and monitoring of social assistance (资金发放与动态管理): entitlements opened by approved
 * cases, the monthly payment run and its one-card (一卡通) bank file, and the periodic re-checks.
 */
package org.linli.assistance.payment;
