package lem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

class WorkerPoolTest {
    /** Runs the loop on this thread with {@code setup} as the first posted action. */
    private static int runLoop(Loop loop, Runnable setup) {
        loop.post(setup);
        return loop.run();
    }

    @Test
    void completionsRunOnTheLoopThreadAndJobsKeepTheLoopAlive() {
        Loop loop = new Loop(new Globals());
        WorkerPool pool = new WorkerPool(loop);
        List<String> results = new ArrayList<>();
        Thread[] loopThread = new Thread[1];
        runLoop(loop, () -> {
            loopThread[0] = Thread.currentThread();
            for (int i = 0; i < 10; i++) {
                int n = i;
                pool.submit(() -> {
                    Thread.sleep(20);
                    return Thread.currentThread().getName() + ":" + n;
                }, (result, failure) -> {
                    assertSame(loopThread[0], Thread.currentThread());
                    results.add(result);
                });
            }
        });
        // the loop only ended after every job came back
        assertEquals(10, results.size());
        assertTrue(results.stream().allMatch(r -> r.startsWith("lem-pool-")), results::toString);
    }

    @Test
    void failuresReachTheCompletion() {
        Loop loop = new Loop(new Globals());
        WorkerPool pool = new WorkerPool(loop);
        Exception[] seen = new Exception[1];
        runLoop(loop, () -> pool.submit(() -> {
            throw new java.io.IOException("disk on fire");
        }, (result, failure) -> seen[0] = failure));
        assertEquals("disk on fire", seen[0].getMessage());
    }

    @Test
    void growsToMaxOnlyAndPrestartsMin() throws InterruptedException {
        Loop loop = new Loop(new Globals());
        WorkerPool pool = new WorkerPool(loop);
        pool.configure(1, 0, 2);
        CountDownLatch release = new CountDownLatch(1);
        int[] peak = new int[1];
        int[] done = new int[1];
        Thread runner = new Thread(() -> runLoop(loop, () -> {
            for (int i = 0; i < 6; i++) {
                pool.submit(() -> {
                    release.await(10, TimeUnit.SECONDS);
                    return null;
                }, (r, f) -> done[0]++);
            }
            peak[0] = pool.threadCount();
        }));
        runner.start();
        Thread.sleep(200);
        release.countDown();
        runner.join(10_000);
        assertEquals(2, peak[0], "threads never exceed max");
        assertEquals(6, done[0]);
        pool.configure(0, 3, 5);
        assertEquals(3, pool.threadCount(), "min threads started at once");
    }

    @Test
    void idleThreadsEndAfterTheDelay() throws InterruptedException {
        Loop loop = new Loop(new Globals());
        WorkerPool pool = new WorkerPool(loop);
        pool.configure(0, 0, 4);
        runLoop(loop, () -> pool.submit(() -> null, (r, f) -> { }));
        long deadline = System.currentTimeMillis() + 5000;
        while (pool.threadCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, pool.threadCount());
    }
}
