package lem.runtime;

import java.util.ArrayDeque;

/**
 * Threads for work that cannot be done without blocking (files, name look-ups, lfs). A thread is
 * started whenever more jobs wait than threads are idle, up to {@code max}; a thread idle for
 * {@code delay} seconds ends while more than {@code min} remain. Results go back to the loop
 * thread through {@link Loop#post}, and every outstanding job keeps the process alive.
 */
public final class WorkerPool {
    /** Work done off the loop thread; what it returns is handed to the completion on the loop. */
    public interface Job<T> {
        T work() throws Exception;
    }

    /** Runs on the loop thread with the job's result, or with the exception it threw. */
    public interface Completion<T> {
        void done(T result, Exception failure);
    }

    private final Loop loop;
    private final ArrayDeque<Runnable> jobs = new ArrayDeque<>();
    private int threads;
    private int idle;
    private long delayMillis = 10_000;
    private int min;
    private int max = Integer.MAX_VALUE;
    private int started;

    public WorkerPool(Loop loop) {
        this.loop = loop;
    }

    /** Submits a job (loop thread only); the completion runs on the loop thread. */
    public <T> void submit(Job<T> job, Completion<T> completion) {
        loop.hold();
        enqueue(() -> {
            T result = null;
            Exception failure = null;
            try {
                result = job.work();
            } catch (Exception e) {
                failure = e;
            }
            T finalResult = result;
            Exception finalFailure = failure;
            loop.post(() -> {
                loop.release();
                completion.done(finalResult, finalFailure);
            });
        });
    }

    public synchronized void configure(int delaySeconds, int min, int max) {
        this.delayMillis = delaySeconds * 1000L;
        this.min = min;
        this.max = max;
        while (threads < min) {
            startThread();
        }
        notifyAll();
    }

    public synchronized int threadCount() {
        return threads;
    }

    private synchronized void enqueue(Runnable job) {
        jobs.addLast(job);
        if (jobs.size() > idle && threads < max) {
            startThread();
        } else {
            notify();
        }
    }

    private void startThread() {
        threads++;
        Thread worker = new Thread(this::serve, "lem-pool-" + (++started));
        worker.setDaemon(true);
        worker.start();
    }

    private void serve() {
        while (true) {
            Runnable job = next();
            if (job == null) {
                return;
            }
            job.run();
        }
    }

    /** The next job, or null when this thread has idled long enough to end. */
    private synchronized Runnable next() {
        long deadline = System.currentTimeMillis() + delayMillis;
        while (jobs.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                if (threads > min) {
                    threads--;
                    return null;
                }
                left = 0; // one of the last min threads: wait without limit
            }
            idle++;
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                threads--;
                return null;
            } finally {
                idle--;
            }
            if (left == 0) {
                deadline = System.currentTimeMillis() + delayMillis;
            }
        }
        return jobs.pollFirst();
    }
}
