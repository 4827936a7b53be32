package org.linli.system.internal;

import org.linli.system.LinliJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Quartz job class: runs the {@link LinliJob} named by its key. Only the name is stored in
 * the job store, so the code behind a job can change without touching the database.
 */
@DisallowConcurrentExecution
public class LinliQuartzJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(LinliQuartzJob.class);

  private final QuartzJobs.LinliJobRegistry registry;

  // created by Spring's job factory, which autowires the constructor
  LinliQuartzJob(QuartzJobs.LinliJobRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    String name = context.getJobDetail().getKey().getName();
    LinliJob job = registry.get(name);
    if (job == null) {
      // left in the job store by an older version; a node that still knows it will run it
      log.warn("No job named {} in this version; firing skipped", name);
      return;
    }
    try {
      job.task().run();
    } catch (RuntimeException e) {
      log.error("Job {} failed; it runs again at its next firing", name, e);
      throw new JobExecutionException(e, false);
    }
  }
}
