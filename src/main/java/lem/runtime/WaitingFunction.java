package lem.runtime;

import lem.lib.LemFunction;
import org.luaj.vm2.Varargs;

/**
 * A lem waiting call whose results, when it waits, are the values its task is woken with
 * ({@code sleeper:sleep}, {@code utils.yield}, {@code utils.suspend}). Called from a coroutine's
 * own frames it needs no fiber: the task stops at the calling frame ({@link WaitingCall}) and
 * keeps no Java frame at all. Called from Java it waits inside the caller's wrapped call.
 */
public abstract class WaitingFunction extends LemFunction {
    private final Loop loop;

    protected WaitingFunction(String name, Loop loop) {
        super(name);
        this.loop = loop;
    }

    /** A waiting function whose {@link #begin} is {@code body}. */
    public static WaitingFunction of(String name, Loop loop, Body body) {
        return new WaitingFunction(name, loop) {
            @Override
            protected Varargs begin(Varargs args) {
                return body.call(this, args);
            }
        };
    }

    /** Does the call: returns its results, or what {@link Loop#beginWait} returned to make the task wait. */
    protected abstract Varargs begin(Varargs args);

    @Override
    public final Varargs invoke(Varargs args) {
        return loop.finishWait(begin(args));
    }

    Loop loop() {
        return loop;
    }
}
