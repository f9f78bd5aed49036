package lem.shell;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lem.ErrorText;
import lem.runtime.LemRuntime;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.debug.ErrorHooks;
import org.jline.reader.Candidate;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The lem shell, on the loop thread. Each complete chunk typed runs as a task of its own; the
 * next prompt comes when it ends, while the tasks that earlier chunks started keep running. An
 * expression prints its values; a {@code local} at the top of a chunk lives on in the shell;
 * errors are printed and the shell goes on; lines starting with a dot are shell commands.
 */
public final class Shell {
    private static final String PROMPT = "> ";
    private static final String MORE = ">> ";

    private final LemRuntime runtime;
    private final Loop loop;
    private final Globals globals;
    private final Console console;
    private final ShellScope scope;
    private final ChunkCompiler compiler;
    private final ValuePrinter printer;
    private final LuaCompleter completer;
    private final ShellCommands commands;
    private final PrintStream out;
    private final PrintStream err;
    private final List<String> failures = new ArrayList<>();
    private String pending;
    /** The task of the chunk being run, or null while the prompt is shown. */
    private volatile Task running;
    private boolean ended;

    private Shell(LemRuntime runtime, Console console) {
        this.runtime = runtime;
        this.loop = runtime.loop;
        this.globals = runtime.globals;
        this.console = console;
        this.scope = new ShellScope(globals);
        this.compiler = new ChunkCompiler(globals, scope);
        this.printer = new ValuePrinter(console.colour());
        this.completer = new LuaCompleter(globals, scope);
        this.out = globals.STDOUT;
        this.err = globals.STDERR;
        this.commands = new ShellCommands(this, runtime, out);
        // print from any task goes above the line being typed
        globals.STDOUT = new PrintStream(new AboveThePrompt(out), true, StandardCharsets.UTF_8);
        globals.STDERR = new PrintStream(new AboveThePrompt(err), true, StandardCharsets.UTF_8);
    }

    /** Opens the shell on a terminal or, with {@code terminal} false, on piped stdin. */
    /** Starts setting the terminal up on another thread, for a shell that opens at once. */
    public static void prepareTerminal() {
        JLineConsole.prepareTerminal();
    }

    public static void open(LemRuntime runtime, boolean terminal) {
        Console console = terminal ? new JLineConsole(runtime.loop) : new PipedConsole(runtime.loop, runtime.globals.STDIN);
        Shell shell = new Shell(runtime, console);
        shell.start();
    }

    private void start() {
        loop.hold();
        loop.watchTasks(task -> task.origin(runtime.debug.position(globals.running)));
        loop.onTaskFailure(this::backgroundFailure);
        console.start(this);
        console.prompt(PROMPT);
    }

    // ---- what the console reports ---------------------------------------------------------

    void onLine(String line) {
        if (pending == null && line.startsWith(".")) {
            if (commands.run(line.substring(1).strip()) && !ended) {
                console.prompt(PROMPT);
            }
            return;
        }
        pending = pending == null ? line : pending + "\n" + line;
        ChunkCompiler.Compiled chunk = compiler.compile(pending, "=stdin");
        if (chunk.incomplete()) {
            console.prompt(MORE);
            return;
        }
        pending = null;
        if (chunk.function() == null) {
            err.println(chunk.error());
            console.prompt(PROMPT);
            return;
        }
        run(chunk.function(), "stdin");
    }

    /** Ctrl-C at the prompt: the half-typed chunk is dropped. */
    void onCancelledLine() {
        pending = null;
        console.prompt(PROMPT);
    }

    /** Ctrl-D or the end of the piped input. */
    void onEnd() {
        if (!ended) {
            ended = true;
            if (console.interactive()) {
                out.println();
            }
            console.close();
            loop.release();
        }
    }

    /** Ctrl-C while a chunk runs: its pending call returns nil, 'interrupted'; busy Lua code stops. */
    void interruptFromAnyThread() {
        Task chunk = running;
        if (chunk != null) {
            // busy Lua code stops at its next instruction; a waiting call is ended by the loop,
            // which then takes the stop back (the loop only runs this while the chunk is not busy)
            runtime.debug.interrupt(chunk);
            loop.post(() -> {
                if (loop.interrupt(chunk)) {
                    runtime.debug.interrupt(null);
                }
            });
        }
    }

    List<Candidate> complete(String line, int cursor) {
        return completer.complete(line, cursor);
    }

    // ---- running chunks -------------------------------------------------------------------

    /** Runs {@code function} as a new task; the prompt returns when it ends. */
    void run(LuaFunction function, String what) {
        running = loop.spawn(new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                Task self = loop.current();
                try {
                    Varargs results = function.invoke(NONE);
                    if (results.narg() > 0) {
                        scope.set("_", results.arg1());
                        out.println(printer.show(results));
                    }
                } catch (LuaError e) {
                    LuaValue error = ErrorHooks.value(self, e);
                    scope.set("_err", error);
                    String traceback = ErrorHooks.traceback(self, e);
                    err.println(ErrorText.of(error) + (traceback == null ? "" : "\n" + traceback));
                } catch (StackOverflowError e) {
                    err.println("stack overflow");
                } finally {
                    out.flush();
                    running = null;
                    if (!ended) {
                        console.prompt(PROMPT);
                    }
                }
                return NONE;
            }
        }, LuaValue.NONE);
        running.origin(what);
    }

    private void backgroundFailure(Task task) {
        if (task == running) {
            return;
        }
        String traceback = task.failureTraceback();
        String report = "task " + task.id + " failed: " + ErrorText.of(task.failure()) + (traceback == null ? "" : "\n" + traceback);
        failures.add(report);
        err.println(report);
    }

    ChunkCompiler compiler() {
        return compiler;
    }

    List<String> failures() {
        return failures;
    }

    Task runningChunk() {
        return running;
    }

    void end() {
        onEnd();
    }

    /** Complete lines to the terminal, above the prompt while one is shown. */
    private final class AboveThePrompt extends OutputStream {
        private final PrintStream target;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        AboveThePrompt(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0 && !console.isPrompting()) {
                target.write(line.toByteArray(), 0, line.size());
                line.reset();
            }
            target.flush();
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (console.isPrompting()) {
                console.printAbove(text);
            } else {
                target.println(text);
            }
        }
    }
}
