package lem.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import lem.lib.LemFunction;
import lem.lib.LfsLib;
import lem.lib.LoadLib;
import lem.lib.SignalLib;
import lem.lib.StringLib;
import lem.lib.ToNumber;
import lem.lib.UtilsLib;
import lem.lib.http.HttpLib;
import lem.lib.io.ParsersLib;
import lem.lib.std.BaseFunctions;
import lem.lib.std.Bit32Lib;
import lem.lib.std.MathLib;
import lem.lib.std.OsLib;
import lem.lib.std.TableLib;
import lem.lib.std.io.IoLib;
import lem.runtime.debug.LemDebugLib;
import lem.shell.ReplLib;
import lem.runtime.debug.ProtectedCalls;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaBoolean;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaNil;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * One Lua world: the globals with Lua 5.2's standard libraries, the loop that runs it, the
 * worker pool, and the searcher that finds lem's own modules inside the artifact.
 */
public final class LemRuntime {
    /** Lua 5.2's default package.path, used where LUA_PATH has ";;". */
    private static final String DEFAULT_PATH = "/usr/local/share/lua/5.2/?.lua;/usr/local/share/lua/5.2/?/init.lua;"
            + "/usr/local/lib/lua/5.2/?.lua;/usr/local/lib/lua/5.2/?/init.lua;./?.lua";

    public final Globals globals = new Globals();
    public final Loop loop;
    public final WorkerPool pool;
    public final LemDebugLib debug;
    private final IoLib io;
    private final Map<String, Supplier<LuaValue>> nativeModules = new HashMap<>();
    private ParsersLib parsers;

    public LemRuntime(PrintStream out, PrintStream err, InputStream in, boolean ignoreEnvironment) {
        globals.STDOUT = out;
        globals.STDERR = err;
        globals.load(new JseBaseLib());
        globals.STDIN = in; // after JseBaseLib, which points it at System.in
        globals.load(new PackageLib());
        StringLib.install(globals);
        resetTypeMetatables();
        globals.load(new JseMathLib()); // makes LuaJ's ^ use Math.pow; MathLib replaces its table
        debug = new LemDebugLib();
        globals.load(debug);
        LoadState.install(globals);
        LuaC.install(globals);
        loop = new Loop(globals);
        debug.currentTask(loop::current);
        pool = new WorkerPool(loop);
        new CoroutineLib(loop).install();
        ProtectedCalls.install(globals, debug);
        LoadLib.install(globals);
        globals.set("_VERSION", "Lua 5.2");
        globals.get("package").get("loaded").set("_G", globals);
        globals.set("tonumber", new ToNumber());
        BaseFunctions.install(globals);
        TableLib.install(globals);
        MathLib.install(globals);
        Bit32Lib.install(globals);
        io = IoLib.install(globals);
        OsLib.install(globals);
        installOsExit();
        installSearchers(ignoreEnvironment ? null : System.getenv());
        nativeModules.put("lem.utils", () -> new UtilsLib(loop, pool).module());
        ChildExits children = new ChildExits(loop);
        nativeModules.put("lem.io.core", () -> new lem.lib.io.IoLib(loop, pool, children).module());
        nativeModules.put("lem.parsers.core", () -> parsers().module());
        nativeModules.put("lem.http", () -> new HttpLib(parsers()).module());
        nativeModules.put("lem.http.core", HttpLib::core);
        nativeModules.put("lem.repl", () -> new ReplLib(globals).module());
        nativeModules.put("lem.lfs", () -> new LfsLib(loop, pool).module());
        nativeModules.put("lem.signal.core", () -> new SignalLib(loop, children).module());
    }

    /** The one table of read formats, which lem.http adds to (made on first use: it loads Netty's buffers). */
    private ParsersLib parsers() {
        if (parsers == null) {
            parsers = new ParsersLib();
        }
        return parsers;
    }

    /**
     * The metatables of non-table types are static fields of LuaJ's classes, shared by every
     * runtime of the JVM (tests run many): each runtime starts from Lua's state, where only
     * strings have one, whose __index is this runtime's string table (LuaJ's StringLib sets it
     * only when it is unset).
     */
    private void resetTypeMetatables() {
        LuaNil.s_metatable = null;
        LuaBoolean.s_metatable = null;
        LuaNumber.s_metatable = null;
        LuaFunction.s_metatable = null;
        LuaThread.s_metatable = null;
        LuaString.s_metatable = LuaValue.tableOf(new LuaValue[] {LuaValue.INDEX, globals.get("string")});
    }

    /** os.exit ends the process at once, as C's exit() does, after flushing the open files. */
    private void installOsExit() {
        globals.get("os").set("exit", LemFunction.of("exit", (self, args) -> {
            LuaValue code = args.arg1();
            int status = code.isboolean() ? (code.toboolean() ? 0 : 1) : self.optInt(args, 1, 0);
            loop.flushOutput();
            close();
            globals.STDERR.flush();
            System.exit(status);
            return LuaValue.NONE;
        }));
    }

    /** The end of this Lua world: the files Lua left open are closed, as C's exit() does. */
    public void close() {
        io.closeAll();
    }

    /**
     * package.searchers becomes: preload, lem's own modules (Java ones and the Lua files inside
     * the artifact), then Lua files along package.path (lem's searcher, which reads files as
     * loadfile does). LuaJ's searcher of Java classes is dropped: Lua code reaching into
     * arbitrary JVM classes is not part of Lua 5.2.
     */
    private void installSearchers(Map<String, String> env) {
        LuaTable pkg = (LuaTable) globals.get("package");
        LuaTable searchers = (LuaTable) pkg.get("searchers");
        LuaValue preload = searchers.get(1);
        LuaTable mine = new LuaTable();
        mine.set(1, preload);
        mine.set(2, new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return findOwnModule(args.checkjstring(1));
            }
        });
        mine.set(3, LoadLib.fileSearcher(globals));
        pkg.set("searchers", mine);
        String luaPath = env == null ? null : env.getOrDefault("LUA_PATH_5_2", env.get("LUA_PATH"));
        pkg.set("path", luaPath == null ? DEFAULT_PATH : luaPath.replace(";;", ";" + DEFAULT_PATH + ";"));
    }

    /** The chunk name of built-in module {@code source} ("lem/io.lua"), which its functions' positions show. */
    public static String moduleChunkName(String source) {
        return "@" + source;
    }

    private Varargs findOwnModule(String name) {
        Supplier<LuaValue> nativeModule = nativeModules.get(name);
        if (nativeModule != null) {
            return new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs args) {
                    return nativeModule.get();
                }
            };
        }
        String source = name.replace('.', '/') + ".lua";
        // the build's binary chunk of the source (lem.build.ModuleCompiler): no compiling at start-up
        try (InputStream in = LemRuntime.class.getResourceAsStream("/" + source + "c")) {
            if (in != null) {
                return globals.load(in, moduleChunkName(source), "b", globals);
            }
        } catch (IOException e) {
            return LuaValue.valueOf("\n\tcannot read built-in module '" + name + "': " + e.getMessage());
        }
        return LuaValue.valueOf("\n\tno built-in module '" + name + "'");
    }
}
