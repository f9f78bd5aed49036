package lem.runtime.debug;

import lem.lib.LemFunction;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's pcall and xpcall. Unlike LuaJ's they catch a Java stack overflow or memory shortage, hand xpcall's
 * handler the error where it was raised (see {@link ErrorHooks}), and return the values Lua does.
 */
public final class ProtectedCalls {
    private static final LuaValue ERROR_IN_HANDLER = LuaValue.valueOf("error in error handling");

    private ProtectedCalls() {
    }

    public static void install(Globals globals, LemDebugLib debug) {
        globals.set("pcall", new LemFunction("pcall") {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() < 1) {
                    throw argError(1, "value expected");
                }
                LuaCallStack cs = debug.stackOf(globals.running);
                int depth = cs.depth;
                cs.pushHandler(null);
                try {
                    return varargsOf(TRUE, args.arg1().invoke(args.subargs(2)));
                } catch (LuaError e) {
                    return varargsOf(FALSE, ErrorHooks.value(e, cs, args.arg1(), globals));
                } catch (VirtualMachineError | RuntimeException e) {
                    cs.unwindTo(depth);
                    return varargsOf(FALSE, ErrorHooks.javaFailure(e));
                } finally {
                    cs.popHandler();
                }
            }
        });
        globals.set("xpcall", new LemFunction("xpcall") {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() < 2) {
                    throw argError(2, "value expected");
                }
                LuaValue handler = args.arg(2);
                LuaCallStack cs = debug.stackOf(globals.running);
                int depth = cs.depth;
                cs.pushHandler(handler);
                try {
                    return varargsOf(TRUE, args.arg1().invoke(args.subargs(3)));
                } catch (LuaError e) {
                    if (cs.lastError == e) {
                        return varargsOf(FALSE, cs.lastValue);
                    }
                    // raised outside any Lua function, or by the handler itself
                    return varargsOf(FALSE, handle(cs, handler, ErrorHooks.value(e, cs, args.arg1(), globals)));
                } catch (VirtualMachineError | RuntimeException e) {
                    cs.unwindTo(depth);
                    return varargsOf(FALSE, handle(cs, handler, ErrorHooks.javaFailure(e)));
                } finally {
                    cs.popHandler();
                }
            }
        });
    }

    private static LuaValue handle(LuaCallStack cs, LuaValue handler, LuaValue error) {
        try {
            return cs.withoutHandler(() -> handler.call(error));
        } catch (LuaError | StackOverflowError e) {
            return ERROR_IN_HANDLER;
        }
    }
}
