package lem;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import lem.runtime.LemRuntime;
import lem.shell.Shell;

/** {@code lem [options] [script [args]]}: the command line of the standard {@code lua}, on lem's loop. */
public final class Main {
    public static final String VERSION = "lem 0.4.0 (Lua 5.2 on LuaJ 3.0.1)";
    /** Stack of the loop thread: LuaJ takes 0.7 to 2 KB of Java stack per Lua call (reserved, not committed). */
    private static final long LOOP_STACK_BYTES = 256L << 20;

    private Main() {
    }

    public static void main(String[] argv) throws InterruptedException {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(System.getProperty("lem.progname", "lem"), argv, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs lem with {@code argv} on a loop thread of its own; returns the exit status. */
    public static int run(String progname, String[] argv, InputStream in, PrintStream out, PrintStream err)
            throws InterruptedException {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(progname, argv);
        } catch (CommandLine.UsageError e) {
            err.print(progname + ": " + e.getMessage() + "\n" + CommandLine.usage(progname));
            err.flush();
            return 1;
        }
        if (commandLine.readsStdin() && Boolean.getBoolean("lem.tty")) {
            Shell.prepareTerminal(); // while the runtime starts (not for -i: a script runs first)
        }
        int[] status = {0};
        Thread loopThread = new Thread(null, () -> {
            LemRuntime runtime = new LemRuntime(out, err, in, commandLine.ignoreEnvironment);
            status[0] = new Session(runtime, commandLine).run();
            runtime.close();
        }, "lem-loop", LOOP_STACK_BYTES);
        loopThread.start();
        loopThread.join();
        out.flush();
        return status[0];
    }
}
