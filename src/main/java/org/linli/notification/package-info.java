/** Mail from a transactional outbox: templates, preferences, delivery with retries. */
package org.linli.notification;
