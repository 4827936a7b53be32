package org.linli.notification.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the sender shortly after a transaction that wrote outbox rows commits, so mail leaves
 * within seconds; the periodic job catches whatever this misses. A rolled-back transaction nudges
 * nothing (and its rows are gone). One run at a time plus one waiting: more nudges add nothing.
 */
@Component
public class DeliveryNudge implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeliveryNudge.class);

  private final OutboxSender sender;
  private final NotificationProperties properties;
  private final AtomicInteger threads = new AtomicInteger();
  // not a bean: an Executor bean would replace Boot's applicationTaskExecutor
  private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(1),
      r -> {
        Thread t = new Thread(r, "linli-mail-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
      },
      new ThreadPoolExecutor.DiscardPolicy());

  DeliveryNudge(OutboxSender sender, NotificationProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  /** Rows were written in the current transaction (if any): deliver once it commits. */
  public void afterCommit() {
    if (!properties.enabled() || !properties.deliverAfterCommit()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      nudge();
      return;
    }
    boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
        .anyMatch(s -> s instanceof Nudge);
    if (!registered) {
      TransactionSynchronizationManager.registerSynchronization(new Nudge());
    }
  }

  private void nudge() {
    executor.execute(() -> {
      try {
        sender.deliverDue();
      } catch (RuntimeException e) {
        log.warn("Delivery after commit failed; the periodic job will retry", e);
      }
    });
  }

  @Override
  public void destroy() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }

  private final class Nudge implements TransactionSynchronization {
    @Override
    public void afterCommit() {
      nudge();
    }
  }
}
