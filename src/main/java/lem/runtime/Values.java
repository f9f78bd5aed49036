package lem.runtime;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Helpers for Varargs that outlive the call that produced them. */
public final class Values {
    private Values() {
    }

    private static final Class<?> PAIR = LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL).getClass();

    /**
     * A copy of {@code values} that shares no storage with the caller: LuaJ passes arguments as
     * views of the calling frame's registers, which change once that frame goes on running.
     * A pair of two values is immutable and returned as it is (a task's wake values, such as
     * {@code nil, "timeout"}, are kept while it waits in the run queue).
     */
    public static Varargs copy(Varargs values) {
        int n = values.narg();
        switch (n) {
            case 0:
                return LuaValue.NONE;
            case 1:
                return values.arg1();
            case 2:
                if (values.getClass() == PAIR && values.subargs(2) instanceof LuaValue) {
                    return values;
                }
                return LuaValue.varargsOf(values.arg1(), values.arg(2));
            default:
                LuaValue[] copy = new LuaValue[n];
                for (int i = 0; i < n; i++) {
                    copy[i] = values.arg(i + 1);
                }
                return LuaValue.varargsOf(copy);
        }
    }
}
