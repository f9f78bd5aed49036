package lem;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/** An error value as text for a human: strings and numbers as they are, others by __tostring or type. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(LuaValue error) {
        if (error.isstring()) {
            return error.tojstring();
        }
        LuaValue tostring = error.metatag(LuaValue.valueOf("__tostring"));
        if (!tostring.isnil()) {
            try {
                return tostring.call(error).tojstring();
            } catch (LuaError e) {
                return "(error object is a " + error.typename() + " value; its __tostring failed)";
            }
        }
        return "(error object is a " + error.typename() + " value)";
    }

    /**
     * What lua5.2's standalone interpreter reports for an error that ends a script: a string
     * or number as it is; another value by its __tostring, or "(no error message)"; null for
     * nil, which it does not report at all.
     */
    public static String uncaught(LuaValue error) {
        if (error.isnil()) {
            return null;
        }
        if (error.isstring() || error.metatag(LuaValue.valueOf("__tostring")).isnil()) {
            return error.isstring() ? error.tojstring() : "(no error message)";
        }
        return of(error);
    }
}
