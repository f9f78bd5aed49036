package lem.runtime.compile;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.UpValue;

/**
 * Chunks into functions, as Lua 5.2's lua_load makes them: text or binary by the first byte
 * (which the mode must allow), compiled by LuaJ's compiler (whose errors lem words as Lua does,
 * see SyntaxErrors), the environment in the first upvalue.
 */
public final class Chunks {
    /** The first byte of a binary (precompiled) chunk. */
    private static final int BINARY_SIGNATURE = 0x1B;

    private Chunks() {
    }

    /**
     * The function of the chunk read from {@code source}. {@code mode} holds the kinds allowed
     * ("t" text, "b" binary). The first upvalue becomes {@code env}, or, when env is null, the
     * globals if it is the only one (a main chunk's _ENV). Throws a LuaError with Lua's message,
     * without position, when the chunk cannot be loaded.
     */
    public static LuaClosure load(Globals globals, InputStream source, String chunkName, String mode, LuaValue env) {
        try {
            PushbackInputStream in = new PushbackInputStream(source, 1);
            int first = in.read();
            if (first >= 0) {
                in.unread(first);
            }
            boolean binary = first == BINARY_SIGNATURE;
            String kind = binary ? "binary" : "text";
            if (mode.indexOf(kind.charAt(0)) < 0) {
                throw new LuaError("attempt to load a " + kind + " chunk (mode is '" + mode + "')");
            }
            Prototype p = binary ? undump(globals, in, chunkName) : globals.compiler.compile(in, chunkName);
            return closure(p, globals, env);
        } catch (IOException e) {
            throw new LuaError(e.getMessage());
        }
    }

    private static LuaClosure closure(Prototype p, Globals globals, LuaValue env) {
        // created with the globals, so that the debug library follows it even with another env
        LuaClosure f = new LuaClosure(p, globals);
        LuaValue firstUpvalue = env != null ? env : f.upValues.length == 1 ? globals : LuaValue.NIL;
        for (int i = 0; i < f.upValues.length; i++) {
            f.upValues[i] = new UpValue(new LuaValue[] {i == 0 ? firstUpvalue : LuaValue.NIL}, 0);
        }
        return f;
    }

    private static Prototype undump(Globals globals, InputStream in, String chunkName) {
        String name = chunkName.startsWith("@") || chunkName.startsWith("=") ? chunkName.substring(1)
                : chunkName.startsWith("\033") ? "binary string" : chunkName;
        try {
            Prototype p = globals.undumper.undump(in, chunkName);
            if (p != null) {
                return p;
            }
        } catch (EOFException e) {
            throw new LuaError(name + ": truncated precompiled chunk");
        } catch (IOException | RuntimeException e) {
            // below: LuaJ's own complaint about the header or the contents
        }
        throw new LuaError(name + ": corrupted precompiled chunk");
    }
}
