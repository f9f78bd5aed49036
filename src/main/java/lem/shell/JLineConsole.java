package lem.shell;

import java.io.IOError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lem.runtime.Loop;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The shell on a terminal, with JLine: line editing with Emacs keys, history in ~/.lem_history
 * (LEM_HISTORY moves it), reverse search, completion and highlighting. JLine's readLine blocks,
 * so it runs on a console thread; completion is computed on the loop thread (the only one that
 * may read Lua tables), and output of other tasks is printed above the line being typed.
 */
final class JLineConsole implements Console {
    private static final String CLOSE = "\u0000close";

    private final Loop loop;
    private final Terminal terminal;
    private final LineReader reader;
    private final LinkedBlockingQueue<String> prompts = new LinkedBlockingQueue<>();
    private volatile boolean prompting;
    private Shell shell;

    JLineConsole(Loop loop) {
        this.loop = loop;
        useBuiltInCapabilities(System.getenv("TERM"));
        CompletableFuture<Terminal> early = prepared;
        terminal = early != null ? early.join() : systemTerminal();
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lem")
                .variable(LineReader.HISTORY_FILE, historyFile())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, ">> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .completer((r, line, candidates) -> candidates.addAll(completeOnLoop(line.line(), line.cursor())))
                .highlighter(new LuaHighlighter())
                .build();
    }

    /** The terminal being set up since start-up ({@link #prepareTerminal}), or null. */
    private static volatile CompletableFuture<Terminal> prepared;

    /**
     * Sets the terminal up on a thread of its own, so that it is ready when the runtime is (it
     * takes about a fifth of a second, as long as the runtime itself).
     */
    static void prepareTerminal() {
        prepared = CompletableFuture.supplyAsync(JLineConsole::systemTerminal, runnable -> {
            Thread thread = new Thread(runnable, "lem-terminal-setup");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * The terminal through JLine's JNI provider, else FFM, else exec. One builder per provider:
     * given a list, JLine sets every provider up to check it (FFM's call stubs, generated at run
     * time, cost about a quarter of a second; exec starts processes), and JNI needs neither.
     */
    private static Terminal systemTerminal() {
        IOException failure = null;
        for (String provider : List.of("jni", "ffm", "exec")) {
            try {
                return TerminalBuilder.builder().system(true).name("lem").provider(provider).dumb(false).build();
            } catch (IOException | IllegalStateException | LinkageError e) {
                failure = e instanceof IOException io ? io : new IOException(e);
            }
        }
        throw new UncheckedIOException(failure);
    }

    /**
     * JLine asks the system's {@code infocmp} for the terminal's capabilities, a process started
     * at every launch; for the common terminals it carries the same description itself.
     */
    private static void useBuiltInCapabilities(String type) {
        String builtIn = type == null ? null : InfoCmp.getDefaultInfoCmp(type);
        if (builtIn != null && InfoCmp.getLoadedInfoCmp(type) == null) {
            InfoCmp.setLoadedInfoCmp(type, builtIn);
        }
    }

    private static Path historyFile() {
        String configured = System.getenv("LEM_HISTORY");
        return configured != null && !configured.isEmpty()
                ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".lem_history");
    }

    @Override
    public void start(Shell owner) {
        shell = owner;
        terminal.handle(Terminal.Signal.INT, signal -> shell.interruptFromAnyThread());
        quietWhenTheTerminalIsGone();
        Thread thread = new Thread(this::readLoop, "lem-console");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * When the terminal goes away (its window closed), the hang-up comes with SIGCONT, and JLine's
     * handler of it fails as it asks the terminal for its size: a Java stack trace on stderr, which
     * may be a log file. Such failures of signal handler threads are dropped; others print as usual.
     */
    private static void quietWhenTheTerminalIsGone() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof IOError && thread.getName().startsWith("SIG")) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            }
        });
    }

    private void readLoop() {
        while (true) {
            String prompt;
            try {
                prompt = prompts.take();
            } catch (InterruptedException e) {
                return;
            }
            if (prompt.equals(CLOSE)) {
                return;
            }
            prompting = true;
            try {
                String line = reader.readLine(prompt);
                prompting = false;
                loop.post(() -> shell.onLine(line));
            } catch (UserInterruptException e) {
                prompting = false;
                loop.post(shell::onCancelledLine);
            } catch (EndOfFileException | IOError e) {
                // end of input, or a terminal that went away (its window closed): the shell ends
                prompting = false;
                loop.post(shell::onEnd);
                return;
            }
        }
    }

    /** Completion asks the loop thread and waits a little for the answer. */
    private List<Candidate> completeOnLoop(String line, int cursor) {
        CompletableFuture<List<Candidate>> answer = new CompletableFuture<>();
        loop.post(() -> answer.complete(shell.complete(line, cursor)));
        try {
            return answer.get(500, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return List.of();
        }
    }

    @Override
    public void prompt(String prompt) {
        prompts.add(prompt);
    }

    @Override
    public void printAbove(String line) {
        reader.printAbove(line);
    }

    @Override
    public boolean isPrompting() {
        return prompting;
    }

    @Override
    public boolean colour() {
        Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        return colours != null && colours >= 8 && !Terminal.TYPE_DUMB.equals(terminal.getType());
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void close() {
        prompts.add(CLOSE);
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            // the terminal is going away anyway
        }
    }
}
