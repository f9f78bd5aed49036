package lem.runtime;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A call of a {@link ResumeFunction}: it finishes when the coroutine it runs yields, returns or
 * fails, and stays pending while that coroutine is stopped in a task wait.
 */
final class NestedResume implements PendingCall {
    private final ResumeFunction function;
    private final Coroutine target;
    private final String refusal;
    private Varargs input;
    private Varargs out = LuaValue.NONE;

    NestedResume(ResumeFunction function, Varargs args) {
        this.function = function;
        this.target = function.target(args);
        this.refusal = target == null ? "cannot resume non-suspended coroutine" : target.resumeRefusal();
        this.input = function.input(args);
    }

    @Override
    public boolean proceed() {
        if (refusal != null) {
            return true;
        }
        out = target.switchInto(input);
        input = LuaValue.NONE; // a run after a task wait continues the coroutine where it waits
        return !target.waitsForTask();
    }

    @Override
    public Varargs result() {
        return refusal != null ? function.refused(refusal) : function.finished(target, out);
    }

    @Override
    public boolean waitsForTask() {
        return true; // it stops only when its coroutine stops in a task wait
    }
}
