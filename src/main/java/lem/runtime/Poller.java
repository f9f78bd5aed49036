package lem.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * How the loop waits for something to happen. Until a module needs sockets the loop thread just
 * parks; lem.io swaps in Netty's selector (see Loop#usePoller), so that one thread waits for
 * timers, posted work and I/O alike.
 */
public interface Poller {
    /** Block until woken. */
    long FOREVER = Long.MAX_VALUE;

    /** Processes whatever is ready, waiting up to {@code waitNanos} for something (0: do not wait). */
    void poll(long waitNanos);

    /** Sends output held back during the loop's turn; poll does it first, and the loop as it ends. */
    default void flush() {
    }

    /** Makes a waiting {@link #poll} return soon; callable from any thread. */
    void wakeup();

    /** The poller of a loop without I/O: parks and unparks its thread. */
    static Poller parking(Thread thread) {
        return new Poller() {
            @Override
            public void poll(long waitNanos) {
                if (waitNanos == FOREVER) {
                    LockSupport.park(this);
                } else if (waitNanos > 0) {
                    LockSupport.parkNanos(this, waitNanos);
                }
            }

            @Override
            public void wakeup() {
                LockSupport.unpark(thread);
            }
        };
    }
}
