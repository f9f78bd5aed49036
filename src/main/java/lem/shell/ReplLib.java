package lem.shell;

import lem.ErrorText;
import lem.lib.LemFunction;
import lem.runtime.debug.ErrorHooks;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code lem.repl}: {@code repl(name, ins, outs)} serves a shell over any pair of lem streams
 * (a socket, a pipe) with the console's rules: expressions print their values, chunks may span
 * lines, errors are reported and the session goes on; plain text, no colours. Chunks run in the
 * calling coroutine, so they may wait. Returns {@code nil, err} when reading or writing fails
 * ({@code nil, 'closed'} at the end of input).
 */
public final class ReplLib {
    private final Globals globals;

    public ReplLib(Globals globals) {
        this.globals = globals;
    }

    public LuaTable module() {
        LuaTable m = new LuaTable();
        m.set("repl", new LemFunction("repl") {
            @Override
            public Varargs invoke(Varargs args) {
                if (!args.arg1().isstring()) {
                    throw typeError(args, 1, "string");
                }
                return serve(args.arg1().tojstring(), args.arg(2), args.arg(3));
            }
        });
        return m;
    }

    private Varargs serve(String name, LuaValue in, LuaValue out) {
        ChunkCompiler compiler = new ChunkCompiler(globals);
        ValuePrinter printer = new ValuePrinter(false);
        String pending = null;
        String prompt = "> ";
        while (true) {
            Varargs written = out.invokemethod("write", LuaValue.valueOf(prompt));
            if (written.arg1().isnil()) {
                return written;
            }
            Varargs read = in.invokemethod("read", LuaValue.valueOf("*l"));
            if (read.arg1().isnil()) {
                return read;
            }
            pending = pending == null ? read.arg1().tojstring() : pending + "\n" + read.arg1().tojstring();
            ChunkCompiler.Compiled chunk = compiler.compile(pending, "=" + name);
            if (chunk.incomplete()) {
                prompt = ">> ";
                continue;
            }
            pending = null;
            prompt = "> ";
            String reply = chunk.function() == null ? chunk.error() : run(compiler, printer, chunk);
            if (reply != null) {
                Varargs ok = out.invokemethod("write", LuaValue.valueOf(reply + "\n"));
                if (ok.arg1().isnil()) {
                    return ok;
                }
            }
        }
    }

    /** Runs a chunk; what to write back (values or the error), or null for nothing. */
    private String run(ChunkCompiler compiler, ValuePrinter printer, ChunkCompiler.Compiled chunk) {
        LuaThread self = globals.running;
        try {
            Varargs results = chunk.function().invoke(LuaValue.NONE);
            if (results.narg() == 0) {
                return null;
            }
            compiler.remember("_", results.arg1());
            return printer.show(results);
        } catch (LuaError e) {
            LuaValue error = ErrorHooks.value(self, e);
            compiler.remember("_err", error);
            return ErrorText.of(error);
        } catch (StackOverflowError e) {
            return "stack overflow";
        }
    }
}
