package lem.lib.io;

import java.io.IOException;
import lem.runtime.Loop;
import lem.runtime.OsErrors;
import lem.runtime.Task;
import lem.runtime.Wait;
import lem.runtime.WorkerPool;
import org.luaj.vm2.LuaValue;

/** A blocking job run on the worker pool while the calling task waits (io.open, io.fromfd, io.streamfile). */
final class PoolCall {
    private PoolCall() {
    }

    /** The job's result, or the text of its failure (a String: strerror's words). */
    static Object await(Loop loop, WorkerPool pool, String what, WorkerPool.Job<Object> job) {
        Task task = loop.current();
        Object[] outcome = new Object[1];
        pool.submit(job, (result, failure) -> {
            outcome[0] = failure == null ? result : failure instanceof IOException io ? OsErrors.message(io) : String.valueOf(failure.getMessage());
            loop.wake(task, LuaValue.NONE);
        });
        loop.await(Wait.of(what + " (worker pool)"));
        return outcome[0];
    }
}
