package lem.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import lem.runtime.LemRuntime;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/** The shell's own commands: a line that starts with a dot. */
final class ShellCommands {
    private static final String HELP = """
            Type Lua; an expression prints its values. Each chunk runs as a task of its own;
            tasks started earlier (servers, timers) keep running meanwhile.
              .help           this text
              .tasks [-v]     live tasks: id, state (what each waits for), age, where it started;
                              -v adds where each one stands (traceback)
              .kill N         interrupt task N: its pending call returns nil, 'interrupted'
              .load FILE      run FILE in the shell's scope
              .reload MODULE  forget MODULE and require it again
              .exit           leave (Ctrl-D does the same)
            Keys: Ctrl-C clears the line, or interrupts the running chunk; Ctrl-R searches history;
            Tab completes names, fields, methods, modules in require '...' and file names.""";

    private final Shell shell;
    private final LemRuntime runtime;
    private final Loop loop;
    private final PrintStream out;

    ShellCommands(Shell shell, LemRuntime runtime, PrintStream out) {
        this.shell = shell;
        this.runtime = runtime;
        this.loop = runtime.loop;
        this.out = out;
    }

    /** Runs a command; false when it started a chunk, whose end brings the prompt back. */
    boolean run(String command) {
        String[] words = command.split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "help", "" -> out.println(HELP);
            case "tasks" -> tasks(argument.equals("-v"));
            case "kill" -> kill(argument);
            case "load" -> {
                return !load(argument);
            }
            case "reload" -> {
                reload(argument);
                return false;
            }
            case "exit", "quit" -> shell.end();
            default -> out.println("unknown command ." + words[0] + " (try .help)");
        }
        out.flush();
        return true;
    }

    private void tasks(boolean verbose) {
        long now = System.nanoTime();
        int shown = 0;
        for (Task task : loop.liveTasks()) {
            if (task == shell.runningChunk()) {
                continue;
            }
            shown++;
            Wait wait = task.waiting();
            String state = task.isQueued() ? "runnable" : wait == null ? "running" : "waiting: " + wait.describe();
            out.printf("%5d  %-50s %8.1fs  %s%n", task.id, state, (now - task.createdNanos) / 1e9,
                    task.origin() == null ? "?" : task.origin());
            if (verbose) {
                out.println("       " + runtime.debug.tracebackOf(task).replace("\n", "\n       "));
            }
        }
        for (String failure : shell.failures()) {
            out.println("  failed: " + failure.lines().findFirst().orElse(""));
        }
        if (shown == 0 && shell.failures().isEmpty()) {
            out.println("no tasks besides the shell");
        }
    }

    private void kill(String argument) {
        for (Task task : loop.liveTasks()) {
            if (String.valueOf(task.id).equals(argument)) {
                if (!loop.interrupt(task)) {
                    runtime.debug.interrupt(task); // runnable: it stops at its next Lua instruction
                }
                out.println("task " + task.id + " interrupted");
                return;
            }
        }
        out.println("no task " + argument + " (see .tasks)");
    }

    /** Starts FILE as a chunk; false if it could not be read or compiled. */
    private boolean load(String file) {
        String source;
        try {
            source = Files.readString(Path.of(file));
        } catch (IOException e) {
            out.println("cannot read " + file + ": " + lem.runtime.OsErrors.message(e));
            return false;
        }
        try {
            shell.run(shell.compiler().load(source, "@" + file), file);
            return true;
        } catch (LuaError e) {
            out.println(e.getMessage());
            return false;
        }
    }

    private void reload(String module) {
        runtime.globals.get("package").get("loaded").set(module, LuaValue.NIL);
        LuaFunction again = new org.luaj.vm2.lib.OneArgFunction() {
            @Override
            public LuaValue call(LuaValue name) {
                return runtime.globals.get("require").call(name);
            }
        };
        shell.run(bind(again, LuaValue.valueOf(module)), "reload " + module);
    }

    private static LuaFunction bind(LuaFunction f, LuaValue arg) {
        return new org.luaj.vm2.lib.ZeroArgFunction() {
            @Override
            public LuaValue call() {
                return f.call(arg);
            }
        };
    }
}
