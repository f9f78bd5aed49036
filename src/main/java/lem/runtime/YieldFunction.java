package lem.runtime;

import lem.lib.LemFunction;
import org.luaj.vm2.Varargs;

/**
 * {@code coroutine.yield}. The interpreter recognises it: called from a coroutine's own frames
 * it suspends the coroutine without any Java call at all. Called from anywhere else (inside a
 * Java function, a metamethod) it is this function, which suspends the wrapping fiber.
 */
final class YieldFunction extends LemFunction {
    private final CoroutineLib lib;

    YieldFunction(CoroutineLib lib) {
        super("yield");
        this.lib = lib;
    }

    @Override
    public Varargs invoke(Varargs args) {
        return lib.yieldFromRunning(args);
    }
}
