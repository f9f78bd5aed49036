package lem;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import lem.runtime.LemRuntime;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import lem.runtime.compile.Chunks;
import lem.runtime.compile.FileChunks;
import lem.shell.Shell;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * One run of lem: LUA_INIT, the -e and -l options in order, the script, then the shell when
 * asked for; all inside the first task, so that each of them may call waiting functions.
 */
final class Session {
    private static final Wait EXITING = Wait.of("exit");

    private final LemRuntime runtime;
    private final Loop loop;
    private final Globals globals;
    private final CommandLine commandLine;

    Session(LemRuntime runtime, CommandLine commandLine) {
        this.runtime = runtime;
        this.loop = runtime.loop;
        this.globals = runtime.globals;
        this.commandLine = commandLine;
    }

    int run() {
        loop.onTaskFailure(this::fatal);
        loop.spawn(new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                start();
                return NONE;
            }
        }, LuaValue.NONE);
        return loop.run();
    }

    /**
     * In a script, an error in any task ends lem with status 1: its message and traceback on
     * stderr as lua5.2 reports them (only a string or number error gets a traceback).
     */
    private void fatal(Task task) {
        globals.STDOUT.flush();
        LuaValue error = task.failure();
        String message = ErrorText.uncaught(error);
        if (message != null) {
            String traceback = error.isstring() ? task.failureTraceback() : null;
            globals.STDERR.print(progname() + ": " + message + "\n" + (traceback == null ? "" : traceback + "\n"));
        }
        globals.STDERR.flush();
        loop.exit(1);
    }

    private String progname() {
        return commandLine.progname;
    }

    private void start() {
        if (commandLine.version) {
            globals.STDOUT.println(Main.VERSION);
        }
        if (!commandLine.ignoreEnvironment) {
            runLuaInit();
        }
        globals.set("arg", argTable());
        for (CommandLine.Action action : commandLine.actions) {
            if (action.isChunk()) {
                load(action.text(), "=(command line)").call();
            } else {
                globals.set(action.text(), globals.get("require").call(LuaValue.valueOf(action.text())));
            }
        }
        if (commandLine.hasScript()) {
            runScript();
        }
        // the shell: on a terminal with prompts; on a pipe chunk by chunk, without them
        if (commandLine.interactive || commandLine.readsStdin()) {
            Shell.open(runtime, Boolean.getBoolean("lem.tty"));
        }
    }

    private void runLuaInit() {
        String name = "LUA_INIT_5_2";
        String init = System.getenv(name);
        if (init == null) {
            name = "LUA_INIT";
            init = System.getenv(name);
        }
        if (init == null) {
            return;
        }
        if (init.startsWith("@")) {
            loadFile(init.substring(1)).call();
        } else {
            load(init, "=" + name).call();
        }
    }

    /** arg[0] is the script, arg[1..] its arguments, the interpreter and options below 0. */
    private LuaTable argTable() {
        String[] argv = commandLine.argv;
        int script = commandLine.hasScript() ? commandLine.scriptIndex : argv.length;
        LuaTable arg = new LuaTable();
        arg.set(-script - 1, LuaValue.valueOf(progname()));
        for (int i = 0; i < argv.length; i++) {
            arg.set(i - script, LuaValue.valueOf(argv[i]));
        }
        return arg;
    }

    private void runScript() {
        String[] argv = commandLine.argv;
        int index = commandLine.scriptIndex;
        String script = argv[index];
        LuaValue chunk = script.equals("-") && (index == 0 || !argv[index - 1].equals("--"))
                ? loadStream(globals.STDIN, "=stdin")
                : loadFile(script);
        LuaValue[] args = new LuaValue[argv.length - index - 1];
        for (int i = 0; i < args.length; i++) {
            args[i] = LuaValue.valueOf(argv[index + 1 + i]);
        }
        chunk.invoke(LuaValue.varargsOf(args));
    }

    private LuaValue loadFile(String path) {
        try {
            return load(FileChunks.read(path), "@" + path);
        } catch (LuaError e) {
            return startupFailure(e.getMessage());
        }
    }

    private LuaValue loadStream(InputStream in, String chunkName) {
        try {
            return load(FileChunks.read(in), chunkName);
        } catch (LuaError e) {
            return startupFailure(e.getMessage());
        }
    }

    private LuaValue load(String source, String chunkName) {
        return load(source.getBytes(java.nio.charset.StandardCharsets.UTF_8), chunkName);
    }

    private LuaValue load(byte[] text, String chunkName) {
        try {
            return Chunks.load(globals, new ByteArrayInputStream(text), chunkName, "bt", null);
        } catch (LuaError e) {
            return startupFailure(e.getMessage());
        }
    }

    /** A chunk that cannot be loaded: {@code lem: message}, no traceback, status 1. */
    private LuaValue startupFailure(String message) {
        globals.STDERR.print(progname() + ": " + message + "\n");
        globals.STDERR.flush();
        loop.exit(1);
        loop.await(EXITING);
        throw new IllegalStateException("resumed after exit");
    }
}
