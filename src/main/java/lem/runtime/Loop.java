package lem.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The event loop and scheduler. One thread (the loop thread) owns every Lua object; it runs
 * queued tasks in FIFO order, fires timers and runs callbacks posted by other threads (the
 * worker pool, I/O). The loop ends when nothing can make progress any more.
 */
public final class Loop {
    /** Tasks run per batch before timers and posted callbacks get another look. */
    private static final int BATCH = 256;
    private static final Wait RUNNABLE = Wait.of("runnable");
    /** What {@link #beginWait} returns: never seen by Lua code. */
    private static final Varargs WAITING = new LuaUserdata("waiting");
    private static final Varargs INTERRUPTED = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("interrupted"));

    private final Globals globals;
    private final ArrayDeque<Task> runQueue = new ArrayDeque<>();
    private final TimerHeap timers = new TimerHeap();
    /** What a task waiting in a waiting call keeps of it (the same for all). */
    private final PendingCall woken = new WaitingCall.Woken(this);
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final long epochNanosAtStart;
    private final long nanosAtStart;
    private Thread thread;
    private volatile Poller poller;
    private Task current;
    private long nextTaskId = 1;
    private long cachedNanos;
    /** Registrations that keep the process alive: pending I/O, servers, pool jobs, the shell. */
    private int holds;
    private boolean stopping;
    private int exitStatus;
    private Consumer<Task> onTaskFailure = task -> { };
    private TaskWatcher taskWatcher;
    private final java.util.Set<Task> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public Loop(Globals globals) {
        this.globals = globals;
        Instant start = Instant.now();
        nanosAtStart = System.nanoTime();
        epochNanosAtStart = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        cachedNanos = nanosAtStart;
    }

    public Globals globals() {
        return globals;
    }

    /** What happens when a task ends with an error: fatal in a script, reported in the shell. */
    public void onTaskFailure(Consumer<Task> handler) {
        onTaskFailure = handler;
    }

    // ---- tasks ---------------------------------------------------------------------------

    /** Creates a task running {@code fn(args)} and queues it; it runs after the caller yields. */
    public Task spawn(LuaValue fn, Varargs args) {
        Task task = new Task(globals, fn, nextTaskId++);
        if (taskWatcher != null) {
            live.add(task);
            taskWatcher.spawned(task);
        }
        wake(task, args);
        return task;
    }

    /** Told about tasks as they start (the shell's .tasks); while one is set, live tasks are kept in a list. */
    public interface TaskWatcher {
        void spawned(Task task);
    }

    public void watchTasks(TaskWatcher watcher) {
        taskWatcher = watcher;
    }

    /** The tasks started since {@link #watchTasks} that have not ended, oldest first. */
    public java.util.List<Task> liveTasks() {
        return live.stream().sorted(java.util.Comparator.comparingLong(t -> t.id)).toList();
    }

    /**
     * Ends {@code task}'s wait: the registration is withdrawn and the pending call returns
     * {@code nil, 'interrupted'}. False if the task was not waiting.
     */
    public boolean interrupt(Task task) {
        Wait wait = task.waiting;
        if (wait == null || task.queued || task.isDead()) {
            return false;
        }
        wait.cancel();
        wake(task, INTERRUPTED);
        return true;
    }

    /** Queues {@code task}; {@code values} become the results of the call it waits in. */
    public void wake(Task task, Varargs values) {
        if (task.isDead() || task.queued) {
            return;
        }
        task.waiting = null;
        task.wakeValues = Values.copy(values);
        task.queued = true;
        runQueue.addLast(task);
    }

    /** The task whose code is running now, or null outside of any task. */
    public Task current() {
        return current;
    }

    public boolean inTask() {
        return current != null;
    }

    /**
     * Suspends the running task until somebody {@link #wake}s it; returns the wake values.
     * Call only from code running in a task on the loop thread.
     */
    public Varargs await(Wait wait) {
        return finishWait(beginWait(wait));
    }

    /**
     * The running task is to wait for {@code wait}: a {@link WaitingFunction} returns what this
     * returns, and the task stops when the call returns (or in {@link #finishWait}).
     */
    public Varargs beginWait(Wait wait) {
        running().waiting = wait;
        return WAITING;
    }

    private Task running() {
        if (current == null) {
            throw new LuaError("attempt to yield from outside a coroutine");
        }
        return current;
    }

    /** True when {@code out} is what {@link #beginWait} returned. */
    boolean isWaiting(Varargs out) {
        return out == WAITING;
    }

    /**
     * Returns {@code out}, or, when it says the task must wait, suspends the innermost wrapped
     * call of the task until the task is woken and returns the wake values.
     */
    Varargs finishWait(Varargs out) {
        if (out != WAITING) {
            return out;
        }
        Task task = current;
        try {
            WrappedCall.suspendForTask();
        } catch (RuntimeException e) {
            // the yield could not happen (a native frame): undo what would have woken the task
            task.waiting.cancel();
            task.waiting = null;
            if (task.queued) {
                runQueue.remove(task);
                task.queued = false;
            }
            throw e;
        }
        return takeWakeValues();
    }

    /** The rest of every waiting call once its task waits: taking the wake values. */
    PendingCall wokenCall() {
        return woken;
    }

    /** The values the running task was woken with, once. */
    Varargs takeWakeValues() {
        Task task = current;
        Varargs values = task.wakeValues;
        task.wakeValues = LuaValue.NONE;
        return values;
    }

    /** {@link #beginWait}, re-queueing the running task behind everything already queued. */
    public Varargs beginYield(Varargs resultValues) {
        wake(running(), resultValues);
        return beginWait(RUNNABLE);
    }

    // ---- timers, holds, posts ------------------------------------------------------------

    /** Runs {@code action} on the loop thread after {@code delayNanos} of cached loop time. */
    public Timer schedule(long delayNanos, Runnable action) {
        return timers.add(cachedNanos + Math.max(0, delayNanos), action);
    }

    /** Something pending keeps the process alive until the matching {@link #release()}. */
    public void hold() {
        holds++;
    }

    public void release() {
        holds--;
    }

    /** Runs {@code action} on the loop thread soon; callable from any thread. */
    public void post(Runnable action) {
        inbox.add(action);
        Poller current = poller; // null until the loop runs, and then nothing waits yet
        if (current != null && Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            current.wakeup();
        }
    }

    // ---- time ----------------------------------------------------------------------------

    /** The cached loop time in seconds since the epoch; it moves when tasks switch. */
    public double now() {
        return toEpochSeconds(cachedNanos);
    }

    public double updateNow() {
        cachedNanos = System.nanoTime();
        return now();
    }

    /** Monotonic nanoseconds of the cached loop time. */
    public long nowNanos() {
        return cachedNanos;
    }

    public double toEpochSeconds(long loopNanos) {
        return (epochNanosAtStart + (loopNanos - nanosAtStart)) / 1e9;
    }

    // ---- running -------------------------------------------------------------------------

    /** Stops the loop after the running task yields; no other queued task runs. */
    public void exit(int status) {
        exitStatus = status;
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    /** Runs the loop on the calling thread until nothing can make progress; returns the exit status. */
    public int run() {
        thread = Thread.currentThread();
        if (poller == null) {
            poller = Poller.parking(thread);
        }
        while (!stopping) {
            runPosted();
            cachedNanos = System.nanoTime();
            fireTimers();
            runBatch();
            if (stopping) {
                break;
            }
            if (runQueue.isEmpty() && inbox.isEmpty()) {
                if (timers.size() == 0 && holds <= 0) {
                    break;
                }
                idle();
            } else {
                poller.poll(0); // sockets get their turn between batches
            }
        }
        flushOutput();
        return exitStatus;
    }

    /** Sends what sockets hold back for the end of the loop's turn: when the loop ends, and from os.exit. */
    public void flushOutput() {
        if (poller != null) {
            poller.flush();
        }
    }

    private void runPosted() {
        Runnable action;
        wakeupPending.set(false);
        while ((action = inbox.poll()) != null) {
            action.run();
        }
    }

    private void fireTimers() {
        Timer timer;
        while ((timer = timers.pollDue(cachedNanos)) != null) {
            timer.action.run();
        }
    }

    private void runBatch() {
        for (int n = Math.min(runQueue.size(), BATCH); n > 0 && !stopping; n--) {
            Task task = runQueue.pollFirst();
            task.queued = false;
            cachedNanos = System.nanoTime();
            current = task;
            try {
                task.step();
            } finally {
                current = null;
            }
            if (task.isDead()) {
                live.remove(task);
                if (task.failed()) {
                    onTaskFailure.accept(task);
                }
            }
        }
    }

    /** Waits for the next timer, I/O, or a post from another thread. */
    private void idle() {
        globals.STDOUT.flush();
        if (wakeupPending.get() || !inbox.isEmpty()) {
            poller.poll(0);
            return;
        }
        Timer next = timers.first();
        poller.poll(next == null ? Poller.FOREVER : Math.max(0, next.deadline - System.nanoTime()));
    }

    /** Waits with {@code replacement} from now on (loop thread only; lem.io installs Netty's). */
    public void usePoller(Poller replacement) {
        poller = replacement;
    }
}
