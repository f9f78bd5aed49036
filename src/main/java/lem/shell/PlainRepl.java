package lem.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import lem.ErrorText;
import lem.runtime.LemRuntime;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A plain read-eval-print loop on the event loop: lines are read by a helper thread, so other
 * tasks keep running while the prompt waits; each chunk runs in the shell's own task.
 */
public final class PlainRepl {
    private static final Wait READING = Wait.of("read from the console");

    private final Loop loop;
    private final Globals globals;
    private final PrintStream out;
    private final LinkedBlockingQueue<Task> readers = new LinkedBlockingQueue<>();

    public PlainRepl(LemRuntime runtime) {
        this.loop = runtime.loop;
        this.globals = runtime.globals;
        this.out = globals.STDOUT;
    }

    /** Runs until end of input; call from a task. */
    public void run() {
        Thread reader = new Thread(this::readLines, "lem-console");
        reader.setDaemon(true);
        reader.start();
        loop.hold();
        try {
            String chunk;
            while ((chunk = readChunk()) != null) {
                evaluate(chunk);
            }
            out.println();
        } finally {
            loop.release();
        }
    }

    private void readLines() {
        BufferedReader in = new BufferedReader(new InputStreamReader(globals.STDIN, StandardCharsets.UTF_8));
        try {
            while (true) {
                Task waiting = readers.take();
                String line = in.readLine();
                loop.post(() -> loop.wake(waiting, line == null ? LuaValue.NIL : LuaValue.valueOf(line)));
            }
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        readers.add(loop.current());
        LuaValue line = loop.await(READING).arg1();
        return line.isnil() ? null : line.tojstring();
    }

    /** A complete chunk, reading continuation lines while the compiler wants more; null at end. */
    private String readChunk() {
        String chunk = readLine("> ");
        if (chunk == null) {
            return null;
        }
        if (chunk.startsWith("=")) {
            chunk = "return " + chunk.substring(1);
        }
        while (isIncomplete(chunk)) {
            String more = readLine(">> ");
            if (more == null) {
                return chunk;
            }
            chunk = chunk + "\n" + more;
        }
        return chunk;
    }

    private boolean isIncomplete(String chunk) {
        if (compiles("return " + chunk)) {
            return false;
        }
        try {
            globals.load(chunk, "=stdin");
            return false;
        } catch (LuaError e) {
            return e.getMessage() != null && e.getMessage().contains("<eof>");
        }
    }

    private boolean compiles(String source) {
        try {
            globals.load(source, "=stdin");
            return true;
        } catch (LuaError e) {
            return false;
        }
    }

    private void evaluate(String chunk) {
        try {
            LuaValue function = compiles("return " + chunk)
                    ? globals.load("return " + chunk, "=stdin")
                    : globals.load(chunk, "=stdin");
            Varargs results = function.invoke(LuaValue.NONE);
            if (results.narg() > 0) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= results.narg(); i++) {
                    if (i > 1) {
                        line.append('\t');
                    }
                    line.append(globals.get("tostring").call(results.arg(i)).tojstring());
                }
                out.println(line);
            }
        } catch (LuaError e) {
            out.flush();
            globals.STDERR.println(ErrorText.of(e.getMessageObject() == null ? LuaValue.NIL : e.getMessageObject()));
        } catch (StackOverflowError e) {
            globals.STDERR.println("stack overflow");
        }
    }
}
