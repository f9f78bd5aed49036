package lem.shell;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import lem.runtime.compile.Chunks;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;

/**
 * How typed text becomes a chunk, for the console and for lem.repl alike: {@code =expr} means
 * {@code return expr}; text is tried as an expression first (so that its values print), then as
 * statements with their top-level locals kept in the scope; a chunk that ends too early asks for
 * more lines.
 */
public final class ChunkCompiler {
    /** A function to run, or the text needs more lines, or a syntax error. */
    public record Compiled(LuaFunction function, boolean incomplete, String error) {
    }

    private final Globals globals;
    private final ShellScope scope;

    public ChunkCompiler(Globals globals) {
        this(globals, new ShellScope(globals));
    }

    ChunkCompiler(Globals globals, ShellScope scope) {
        this.globals = globals;
        this.scope = scope;
    }

    public Compiled compile(String source, String chunkName) {
        String text = source.startsWith("=") ? "return " + source.substring(1) : source;
        try {
            return new Compiled(load("return " + text, chunkName), false, null);
        } catch (LuaError asExpression) {
            LocalRewriter.Result rewritten = LocalRewriter.rewrite(text);
            try {
                LuaFunction f = load(rewritten.source(), chunkName);
                scope.declare(rewritten.names());
                return new Compiled(f, false, null);
            } catch (LuaError e) {
                String message = String.valueOf(e.getMessage());
                return new Compiled(null, message.endsWith("<eof>"), message);
            }
        }
    }

    /** Compiles {@code source} to run in the scope. */
    public LuaFunction load(String source, String chunkName) {
        return Chunks.load(globals, new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), chunkName, "t", scope.env);
    }

    /** Records the last result (_) or error (_err) in the scope. */
    public void remember(String name, org.luaj.vm2.LuaValue value) {
        scope.set(name, value);
    }
}
