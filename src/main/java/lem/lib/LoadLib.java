package lem.lib;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import lem.runtime.compile.Chunks;
import lem.runtime.compile.FileChunks;
import lem.runtime.debug.ErrorHooks;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The base functions that load chunks, as Lua 5.2 has them: load (also under its 5.1 name
 * loadstring), loadfile and dofile. Chunk names, modes and environments follow lua_load
 * ({@link Chunks}); files skip a first '#' line ({@link FileChunks}).
 */
public final class LoadLib {
    private final Globals globals;

    private LoadLib(Globals globals) {
        this.globals = globals;
    }

    public static void install(Globals globals) {
        LoadLib lib = new LoadLib(globals);
        LuaValue load = new LemFunction("load") {
            @Override
            public Varargs invoke(Varargs args) {
                return lib.load(this, args);
            }
        };
        globals.set("load", load);
        globals.set("loadstring", load);
        globals.set("loadfile", new LemFunction("loadfile") {
            @Override
            public Varargs invoke(Varargs args) {
                return lib.loadfile(this, args);
            }
        });
        globals.set("dofile", new LemFunction("dofile") {
            @Override
            public Varargs invoke(Varargs args) {
                return lib.dofile(this, args);
            }
        });
    }

    /**
     * The searcher of package.searchers that finds Lua files along package.path, as Lua 5.2's:
     * it gives the file's chunk (read as loadfile reads it) and the file's name; a file that
     * does not load is an error.
     */
    public static LuaValue fileSearcher(Globals globals) {
        return new LemFunction("searcher") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue name = args.checkstring(1);
                LuaValue pkg = globals.get("package");
                LuaValue path = pkg.get("path");
                if (!path.isstring()) {
                    throw new LuaError("'package.path' must be a string");
                }
                Varargs found = pkg.get("searchpath").invoke(name, path);
                if (!found.arg1().isstring()) {
                    return found.arg(2);
                }
                String file = found.arg1().tojstring();
                try {
                    byte[] text = FileChunks.read(file);
                    return LuaValue.varargsOf(Chunks.load(globals, new ByteArrayInputStream(text), "@" + file, "bt", null), found.arg1());
                } catch (LuaError e) {
                    // raised for require, a Java function: no position, as luaL_error gives none there
                    throw new LuaError("error loading module '" + name + "' from file '" + file + "':\n\t" + e.getMessage(), 0);
                }
            }
        };
    }

    /** load(chunk [, chunkname [, mode [, env]]]): a string, or a function giving the chunk in pieces. */
    private Varargs load(LemFunction self, Varargs args) {
        LuaValue chunk = args.arg1();
        String mode = optString(self, args, 3, "bt");
        LuaValue env = args.narg() >= 4 ? args.arg(4) : null;
        InputStream source;
        String chunkName;
        if (chunk.isstring()) {
            LuaString text = chunk.strvalue();
            chunkName = optString(self, args, 2, text.tojstring());
            source = new ByteArrayInputStream(text.m_bytes, text.m_offset, text.m_length);
        } else {
            chunkName = optString(self, args, 2, "=(load)");
            source = new ReaderStream(self.checkFunction(args, 1), globals);
        }
        return loaded(source, chunkName, mode, env);
    }

    /** loadfile([filename [, mode [, env]]]): a file, or standard input. */
    private Varargs loadfile(LemFunction self, Varargs args) {
        String fileName = optString(self, args, 1, null);
        String mode = optString(self, args, 2, "bt");
        LuaValue env = args.narg() >= 3 ? args.arg(3) : null;
        byte[] text;
        try {
            text = fileName == null ? FileChunks.read(globals.STDIN) : FileChunks.read(fileName);
        } catch (LuaError e) {
            return LuaValue.varargsOf(LuaValue.NIL, e.getMessageObject());
        }
        return loaded(new ByteArrayInputStream(text), fileName == null ? "=stdin" : "@" + fileName, mode, env);
    }

    /** dofile([filename]): runs a file (or standard input); its load errors are raised as they are. */
    private Varargs dofile(LemFunction self, Varargs args) {
        String fileName = optString(self, args, 1, null);
        LuaValue chunk;
        try {
            byte[] text = fileName == null ? FileChunks.read(globals.STDIN) : FileChunks.read(fileName);
            chunk = Chunks.load(globals, new ByteArrayInputStream(text), fileName == null ? "=stdin" : "@" + fileName, "bt", null);
        } catch (LuaError e) {
            throw new LuaError(e.getMessage(), 0);
        }
        return chunk.invoke(LuaValue.NONE);
    }

    /** The loaded function, or nil and the error. */
    private Varargs loaded(InputStream source, String chunkName, String mode, LuaValue env) {
        try {
            return Chunks.load(globals, source, chunkName, mode, env);
        } catch (LuaError e) {
            return LuaValue.varargsOf(LuaValue.NIL, ErrorHooks.value(globals.running, e));
        }
    }

    /** luaL_optstring: a string (or number) argument, or {@code fallback} when it is absent or nil. */
    private static String optString(LemFunction self, Varargs args, int arg, String fallback) {
        LuaValue v = args.arg(arg);
        if (v.isnil()) {
            return fallback;
        }
        if (!v.isstring()) {
            throw self.typeError(args, arg, "string");
        }
        return v.tojstring();
    }

    /** A chunk given by a reader function: each call gives the next piece; nil or "" ends it. */
    private static final class ReaderStream extends InputStream {
        private final LuaValue reader;
        private final Globals globals;
        private LuaString piece = LuaString.valueOf("");
        private int at;
        private boolean ended;

        ReaderStream(LuaValue reader, Globals globals) {
            this.reader = reader;
            this.globals = globals;
        }

        @Override
        public int read() {
            while (!ended && at == piece.m_length) {
                LuaValue next = reader.call();
                if (!next.isnil() && !next.isstring()) {
                    // the error load returns is placed at load's caller, as luaL_error places it
                    throw new LuaError(ErrorHooks.where(globals.running, 1) + "reader function must return a string", 0);
                }
                ended = next.isnil() || next.strvalue().m_length == 0;
                if (!ended) {
                    piece = next.strvalue();
                    at = 0;
                }
            }
            return ended ? -1 : piece.m_bytes[piece.m_offset + at++] & 0xFF;
        }
    }
}
