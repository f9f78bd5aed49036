package lem.runtime;

/** A one-shot timer of the loop; {@link #cancel()} is safe at any time on the loop thread. */
public final class Timer {
    final long deadline;
    final long sequence;
    final Runnable action;
    /** Position in the loop's heap, or -1 once it fired or was cancelled. */
    int index = -1;
    private final TimerHeap heap;

    Timer(TimerHeap heap, long deadline, long sequence, Runnable action) {
        this.heap = heap;
        this.deadline = deadline;
        this.sequence = sequence;
        this.action = action;
    }

    /** Nanosecond deadline on the loop's monotonic clock. */
    public long deadline() {
        return deadline;
    }

    public boolean isArmed() {
        return index >= 0;
    }

    public void cancel() {
        heap.remove(this);
    }

    boolean before(Timer other) {
        return deadline < other.deadline || (deadline == other.deadline && sequence < other.sequence);
    }
}
