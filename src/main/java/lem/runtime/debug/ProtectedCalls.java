package lem.runtime.debug;

import lem.lib.LemFunction;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's pcall and xpcall. Unlike LuaJ's they catch a Java stack overflow or memory shortage, hand xpcall's
 * handler the error where it was raised (see {@link ErrorHooks}), and return the values Lua does.
 * In a coroutine's own frames the interpreter runs a protected call of a Lua function itself
 * ({@link Catcher#protect}): the function becomes a frame of the coroutine, so it may yield and
 * wait without the fiber a Java function needs, and an error stops at that frame.
 */
public final class ProtectedCalls {
    private static final LuaValue ERROR_IN_HANDLER = LuaValue.valueOf("error in error handling");

    private ProtectedCalls() {
    }

    public static void install(Globals globals, LemDebugLib debug) {
        globals.set("pcall", new Catcher("pcall", globals, debug, false));
        globals.set("xpcall", new Catcher("xpcall", globals, debug, true));
    }

    /** pcall ({@code withHandler} false) or xpcall. */
    public static final class Catcher extends LemFunction {
        private final Globals globals;
        private final LemDebugLib debug;
        private final boolean withHandler;

        private Catcher(String name, Globals globals, LemDebugLib debug, boolean withHandler) {
            super(name);
            this.globals = globals;
            this.debug = debug;
            this.withHandler = withHandler;
        }

        /** The arguments before the called function's own: the function, and xpcall's handler. */
        public int leadingArguments() {
            return withHandler ? 2 : 1;
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.narg() < leadingArguments()) {
                throw argError(leadingArguments(), "value expected");
            }
            Protection protection = protect(args.arg1(), args.arg(2));
            Varargs results;
            try {
                results = args.arg1().invoke(args.subargs(leadingArguments() + 1));
            } catch (Throwable e) {
                return protection.failed(e);
            }
            return protection.returned(results);
        }

        /**
         * Starts a protected call of {@code called} on the running coroutine (for xpcall, with
         * {@code handler}); the caller ends it with the protection's {@link Protection#returned}
         * or {@link Protection#failed}.
         */
        public Protection protect(LuaValue called, LuaValue handler) {
            LuaCallStack cs = debug.stackOf(globals.running);
            Protection protection = new Protection(this, cs, called, withHandler ? handler : null);
            cs.pushHandler(protection.handler);
            return protection;
        }
    }

    /** One protected call in progress: where its errors stop, and what they turn into. */
    public static final class Protection {
        private final Catcher catcher;
        private final LuaCallStack cs;
        private final LuaValue called;
        private final LuaValue handler;
        /** The debug library's depth outside the call, for a Java error that skipped returns. */
        private final int depth;

        private Protection(Catcher catcher, LuaCallStack cs, LuaValue called, LuaValue handler) {
            this.catcher = catcher;
            this.cs = cs;
            this.called = called;
            this.handler = handler;
            this.depth = cs.depth;
        }

        /** The call returned {@code results}: true and them. */
        public Varargs returned(Varargs results) {
            cs.popHandler();
            return LuaValue.varargsOf(LuaValue.TRUE, results);
        }

        /** The call failed with {@code thrown}: false and the error's value; a throwable no Lua code may catch goes on. */
        public Varargs failed(Throwable thrown) {
            try {
                return LuaValue.varargsOf(LuaValue.FALSE, valueOf(thrown));
            } finally {
                cs.popHandler();
            }
        }

        private LuaValue valueOf(Throwable thrown) {
            if (thrown instanceof LuaError e) {
                if (handler == null) {
                    return ErrorHooks.value(e, cs, called, catcher.globals);
                }
                if (cs.lastError == e) {
                    return cs.lastValue;
                }
                // raised outside any Lua function, or by the handler itself
                return handle(ErrorHooks.value(e, cs, called, catcher.globals));
            }
            if (thrown instanceof VirtualMachineError || thrown instanceof RuntimeException) {
                cs.unwindTo(depth);
                LuaValue failure = ErrorHooks.javaFailure(thrown);
                return handler == null ? failure : handle(failure);
            }
            throw (Error) thrown;
        }

        private LuaValue handle(LuaValue error) {
            try {
                return cs.withoutHandler(() -> handler.call(error));
            } catch (LuaError | StackOverflowError e) {
                return ERROR_IN_HANDLER;
            }
        }
    }
}
