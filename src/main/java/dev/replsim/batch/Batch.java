package dev.replsim.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a list of independent jobs on {@code parallel} worker threads and returns their outcomes in
 * the order of the jobs, whatever order they finished in. A job that throws is recorded as failed
 * and the others go on, so one bad run never costs the rest of a sweep. The listener hears of
 * every job as it finishes, on the caller's thread, so it needs no locking.
 *
 * <pre>{@code
 * List<Batch.Job<Summary>> jobs = ...;   // new Batch.Job<>("seed-3", () -> run(seed 3))
 * List<Batch.Outcome<Summary>> outcomes = Batch.run(jobs, 2, listener);
 * }</pre>
 */
public final class Batch {

  /** One unit of work: a name for messages and the work itself, which must not share mutable state. */
  public record Job<T>(String id, Callable<T> work) {
    public Job {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(work, "work");
    }
  }

  /**
   * How a job ended: its value, or the exception it threw ({@code value} null then).
   *
   * @param wallMs how long it ran, in wall-clock milliseconds
   */
  public record Outcome<T>(String id, T value, Exception failure, double wallMs) {
    public boolean failed() {
      return failure != null;
    }
  }

  /** Told of a batch's progress; every method is called on the thread that called {@link #run}. */
  public interface Listener {
    /** Before the first job starts: how many jobs there are and how many threads run them. */
    default void started(int jobs, int parallel) {}

    /** After each job: its outcome, how many jobs have finished and how many of those failed. */
    default void finished(Outcome<?> outcome, int done, int failed) {}
  }

  /** A listener that hears nothing. */
  public static final Listener SILENT = new Listener() {};

  private Batch() {}

  /**
   * Runs every job, at most {@code parallel} at a time, and waits for them all.
   *
   * @return one outcome per job, in the order of {@code jobs}
   * @throws InterruptedException when the calling thread is interrupted; the workers are stopped
   */
  public static <T> List<Outcome<T>> run(List<Job<T>> jobs, int parallel, Listener listener)
      throws InterruptedException {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
    }
    int threads = Math.max(1, Math.min(parallel, jobs.size()));
    listener.started(jobs.size(), threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
    try {
      CompletionService<Indexed<T>> done = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < jobs.size(); i++) {
        int index = i;
        done.submit(() -> new Indexed<>(index, attempt(jobs.get(index))));
      }
      List<Outcome<T>> outcomes = new ArrayList<>(jobs.size());
      for (int i = 0; i < jobs.size(); i++) {
        outcomes.add(null);
      }
      int failed = 0;
      for (int finished = 1; finished <= jobs.size(); finished++) {
        Indexed<T> next = take(done);
        outcomes.set(next.index(), next.outcome());
        failed += next.outcome().failed() ? 1 : 0;
        listener.finished(next.outcome(), finished, failed);
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> Outcome<T> attempt(Job<T> job) {
    long start = System.nanoTime();
    try {
      T value = job.work().call();
      return new Outcome<>(job.id(), value, null, (System.nanoTime() - start) / 1e6);
    } catch (Exception e) {
      return new Outcome<>(job.id(), null, e, (System.nanoTime() - start) / 1e6);
    }
  }

  private static <T> Indexed<T> take(CompletionService<Indexed<T>> done) throws InterruptedException {
    try {
      return done.take().get();
    } catch (ExecutionException e) {
      // attempt() catches every Exception, so only an Error (out of memory, a bug) gets here
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private record Indexed<T>(int index, Outcome<T> outcome) {}

  /** Daemon threads named {@code replsim-batch-N}, so a stuck job never keeps the JVM alive after an interrupt. */
  private static final class Workers implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "replsim-batch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
