/**
 * The resident portal (居民服务): submit a request without signing in, follow it by case number and
 * the last four digits of the phone, rate the reply through the mailed link. Pages under
 * {@code /portal}, server-rendered, Chinese first; abuse limits are kept in the database.
 */
package org.linli.portal;
