package lem.shell;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The environment of the chunks typed at the shell: names declared {@code local} at the top of
 * a chunk (see {@link LocalRewriter}) live here from then on, with {@code _} (the last result)
 * and {@code _err} (the last error); every other name is a global, read and written in _G.
 */
final class ShellScope {
    final LuaTable env = new LuaTable();
    private final LuaTable locals = new LuaTable();
    private final Set<String> declared = new HashSet<>(List.of("_", "_err"));

    ShellScope(Globals globals) {
        LuaTable meta = new LuaTable();
        meta.set("__index", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue key = args.arg(2);
                return isLocal(key) ? locals.rawget(key) : globals.get(key);
            }
        });
        meta.set("__newindex", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue key = args.arg(2);
                if (isLocal(key)) {
                    locals.rawset(key, args.arg(3));
                } else {
                    globals.set(key, args.arg(3));
                }
                return NONE;
            }
        });
        env.setmetatable(meta);
    }

    private boolean isLocal(LuaValue key) {
        return key.isstring() && declared.contains(key.tojstring());
    }

    void declare(List<String> names) {
        declared.addAll(names);
    }

    void set(String name, LuaValue value) {
        locals.rawset(name, value);
    }

    /** The shell's locals, for completion (read with rawget/next only). */
    LuaTable locals() {
        return locals;
    }
}
