package lem.runtime;

/**
 * What a suspended task waits for: shown by the shell's {@code .tasks}, and undone when the
 * task is interrupted (its pending call then returns {@code nil, 'interrupted'}).
 */
public abstract class Wait {
    /** A wait with nothing to undo and a fixed description. */
    public static Wait of(String what) {
        return new Wait() {
            @Override
            public String describe() {
                return what;
            }
        };
    }

    public static final Wait SUSPENDED = of("suspended");

    /** One line for humans: "sleep until 12:03:04.5", "read on tcp 127.0.0.1:80". */
    public abstract String describe();

    /** Withdraws the registration (timer, socket interest) so that nothing wakes the task later. */
    public void cancel() {
    }
}
