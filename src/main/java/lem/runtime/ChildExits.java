package lem.runtime;

/**
 * The children lem starts (io.popen), and who wants to hear that one has ended: lem.signal, which
 * turns an ended child into a SIGCHLD handler call. The JVM reaps every child itself, so this is
 * how lem learns of them; waiting for a child keeps nothing alive.
 */
public final class ChildExits {
    /** Runs on the loop thread with a child that has ended. */
    public interface Listener {
        void exited(Process child);
    }

    private final Loop loop;
    private Listener listener;

    public ChildExits(Loop loop) {
        this.loop = loop;
    }

    /** Tells the listener of the moment (if any) when {@code child} ends. */
    public void started(Process child) {
        child.onExit().thenRun(() -> loop.post(() -> {
            if (listener != null) {
                listener.exited(child);
            }
        }));
    }

    /** The listener from now on; null for none (loop thread only). */
    public void listen(Listener listener) {
        this.listener = listener;
    }
}
