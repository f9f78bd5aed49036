package lem.runtime.debug;

import org.luaj.vm2.LuaError;

/**
 * An error whose message is exactly what a Lua program gave to {@code error} or {@code assert}:
 * a "bad argument" text in it is not about the function that raised it, so it is not renamed.
 */
public final class GivenError extends LuaError {
    private static final long serialVersionUID = 1L;

    public GivenError(String message, int level) {
        super(message, level);
    }
}
