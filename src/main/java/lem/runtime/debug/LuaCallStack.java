package lem.runtime.debug;

import java.util.Arrays;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The Lua call frames of one coroutine, kept by {@link LemDebugLib} as LuaJ runs closures. Only
 * Lua functions have frames; a Java function being called shows in its caller's current
 * instruction (a CALL whose function register does not hold a Lua closure).
 */
public final class LuaCallStack {
    /**
     * One running Lua function: the interpreter's own frame (lem.runtime.Frame) is one, so a
     * call pushes it as it is and the pc the interpreter keeps is the one tracebacks read.
     */
    public static class Frame {
        public final LuaClosure closure;
        public final LuaValue[] stack;
        public final Varargs varargs;
        /** The instruction being executed (for a caller: the call it waits in); -1 before the first. */
        public int pc = -1;

        public Frame(LuaClosure closure, LuaValue[] stack, Varargs varargs) {
            this.closure = closure;
            this.stack = stack;
            this.varargs = varargs;
        }
    }

    Frame[] frames = new Frame[4];
    int depth;

    /**
     * Handlers of the xpcalls in progress; a pcall pushes null ("no handler"). Allocated by the
     * first one: most coroutines make no protected call, and a suspended task is kept in memory.
     */
    private LuaValue[] handlers = NO_HANDLERS;
    private static final LuaValue[] NO_HANDLERS = {};
    private int handlerCount;

    /** The hook set with debug.sethook for this coroutine, and its state. */
    LuaValue hook;
    int hookMask;
    int hookCount;
    int hookCounter;
    boolean inHook;

    /** The last error raised on this coroutine, with what was learnt where it was raised. */
    LuaError lastError;
    LuaValue lastValue;
    String lastTraceback;

    void push(Frame frame) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth++] = frame;
    }

    void pop() {
        if (depth > 0) {
            frames[--depth] = null;
        }
    }

    /** Drops frames above {@code depth} (after a Java stack overflow skipped their returns). */
    void unwindTo(int depth) {
        while (this.depth > depth) {
            pop();
        }
    }

    Frame top() {
        return depth > 0 ? frames[depth - 1] : null;
    }

    void pushHandler(LuaValue handler) {
        if (handlerCount == handlers.length) {
            handlers = Arrays.copyOf(handlers, Math.max(4, handlerCount * 2));
        }
        handlers[handlerCount++] = handler;
    }

    void popHandler() {
        handlers[--handlerCount] = null;
    }

    LuaValue handler() {
        return handlerCount > 0 ? handlers[handlerCount - 1] : null;
    }

    /** Runs {@code body} with no handler active (the handler itself, a nested pcall). */
    LuaValue withoutHandler(java.util.function.Supplier<LuaValue> body) {
        pushHandler(null);
        try {
            return body.get();
        } finally {
            popHandler();
        }
    }
}
