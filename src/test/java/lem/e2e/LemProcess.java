package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the real {@code <repo>/lem} launcher as a child process, the way a user types it.
 *
 * <p>The repository root comes from the system property {@code lem.root} (set by failsafe), else
 * the current directory. Every run has a hard timeout: a process still alive then is killed with
 * {@code destroyForcibly} and the test fails. The environment is the inherited one without the
 * variables that change how Lua starts ({@code LUA_INIT*}, {@code LUA_PATH*}, {@code LUA_CPATH*}),
 * plus whatever the test sets. Standard input is the given text (or nothing), then end of file,
 * so stdin is never a terminal.
 *
 * <p>The launcher rebuilds {@code target/lem.jar} when the sources are newer and writes Maven's
 * output on stderr. That is launcher noise, not lem's behaviour: the jar is brought up to date
 * once before the first run, and a run whose stderr shows that a build happened during it is
 * repeated.
 */
final class LemProcess {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final String BUILD_MARK = "lem: building ";
    private static final List<String> CLEARED_PREFIXES = List.of("LUA_INIT", "LUA_PATH", "LUA_CPATH");
    private static boolean built;

    /**
     * What a finished run left: the program name it was started as, its exit status, everything it
     * wrote on stdout and stderr, and the time it took.
     */
    record Result(String program, int exitCode, String stdout, String stderr, Duration elapsed) {
        /** The stdout lines, without line terminators. */
        List<String> lines() {
            if (stdout.isEmpty()) {
                return List.of();
            }
            String text = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
            return List.of(text.split("\n", -1));
        }

        /**
         * Asserts that stderr holds a message of lem's own: it starts with {@code lem: } or with the
         * program name as typed followed by {@code : }, and contains {@code text}.
         */
        Result assertMessage(String text) {
            boolean prefixed = stderr.startsWith("lem: ") || stderr.startsWith(program + ": ");
            assertTrue(prefixed, () -> "stderr should start with 'lem: ' or '" + program + ": '\n" + this);
            assertTrue(stderr.contains(text), () -> "stderr should contain '" + text + "'\n" + this);
            return this;
        }

        @Override
        public String toString() {
            return "exit status " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr;
        }
    }

    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> wrapper = new ArrayList<>();
    private String program = program();
    private String stdin;
    private boolean stdinOpen;
    private Path directory;
    private Duration timeout = DEFAULT_TIMEOUT;

    private LemProcess(String... args) {
        this.args.addAll(List.of(args));
    }

    /** A run of {@code lem args...}; configure it, then call {@link #run()}. */
    static LemProcess lem(String... args) {
        return new LemProcess(args);
    }

    /** Runs {@code lem args...} with the defaults: no stdin, current directory, default timeout. */
    static Result run(String... args) {
        return lem(args).run();
    }

    /** The repository root: system property {@code lem.root}, else the current directory. */
    static Path root() {
        return Path.of(System.getProperty("lem.root", "")).toAbsolutePath().normalize();
    }

    /** The launcher as these tests type it (an absolute path); lem calls itself by this name. */
    static String program() {
        return root().resolve("lem").toString();
    }

    /** Types the launcher as {@code name} instead, e.g. {@code ./lem} together with {@link #in}. */
    LemProcess as(String name) {
        this.program = name;
        return this;
    }

    /** Text given on standard input (followed by end of file). */
    LemProcess stdin(String text) {
        this.stdin = text;
        return this;
    }

    /**
     * Keeps standard input open after the start: the test writes to it with {@link Running#send}
     * and ends it with {@link Running#closeStdin} (only with {@link #start()}).
     */
    LemProcess stdinOpen() {
        this.stdinOpen = true;
        return this;
    }

    /**
     * Starts lem through {@code command} (e.g. {@code sh -c 'exec 3<file; exec "$@"' sh}), which
     * gets the launcher and lem's arguments as its last arguments: for descriptors a Java child
     * cannot inherit.
     */
    LemProcess wrappedIn(String... command) {
        wrapper.addAll(List.of(command));
        return this;
    }

    /** Sets an environment variable of the child (the Lua ones are cleared unless set here). */
    LemProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The working directory of the child. */
    LemProcess in(Path dir) {
        this.directory = dir;
        return this;
    }

    LemProcess timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    Result run() {
        ensureBuilt();
        Result result = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            result = runOnce(timeout);
            if (!result.stderr().contains(BUILD_MARK)) {
                return result;
            }
        }
        return result;
    }

    /** Brings target/lem.jar up to date once per test JVM, so that runs show lem and not Maven. */
    private static synchronized void ensureBuilt() {
        if (built) {
            return;
        }
        built = true;
        Result r = lem("-v").runOnce(BUILD_TIMEOUT);
        assertTrue(r.exitCode() == 0, () -> "lem -v failed (is the build broken?)\n" + r);
    }

    /**
     * Starts lem and returns at once, for tests that act on the process while it runs (signals);
     * {@link Running#finish()} then waits for its end as {@link #run()} does.
     */
    Running start() {
        ensureBuilt();
        return launch();
    }

    private Result runOnce(Duration limit) {
        return launch().finish(limit);
    }

    private Running launch() {
        List<String> command = new ArrayList<>(wrapper);
        command.add(program);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(directory == null ? null : directory.toFile());
        Map<String, String> childEnv = pb.environment();
        childEnv.keySet().removeIf(name -> CLEARED_PREFIXES.stream().anyMatch(name::startsWith));
        childEnv.putAll(env);
        long start = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        return new Running(process, command, start);
    }

    /**
     * A started lem process; what it writes is collected as it comes. Closing it kills a process
     * still running (a test that failed half-way leaves nothing behind).
     */
    final class Running implements AutoCloseable {
        private final Process process;
        private final List<String> command;
        private final long start;
        private final ByteArrayOutputStream outSoFar = new ByteArrayOutputStream();
        private final Future<byte[]> out;
        private final Future<byte[]> err;
        private final Thread feeder;
        /** lem's standard input while the test writes to it ({@link #stdinOpen}), else null. */
        private final OutputStream input;

        private Running(Process process, List<String> command, long start) {
            this.process = process;
            this.command = command;
            this.start = start;
            out = drain(process.getInputStream(), outSoFar);
            err = drain(process.getErrorStream(), new ByteArrayOutputStream());
            input = stdinOpen ? process.getOutputStream() : null;
            feeder = stdinOpen ? null : Thread.ofVirtual().start(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // lem exited without reading all of its stdin: not an error here
                }
            });
        }

        /** The process id of the JVM (the launcher execs it). */
        long pid() {
            return process.pid();
        }

        /** What lem has written on stdout so far. */
        String stdoutSoFar() {
            return outSoFar.toString(StandardCharsets.UTF_8);
        }

        /** Waits until lem has written {@code text} on stdout; fails (and kills lem) after the run's timeout. */
        Running awaitOutput(String text) {
            long deadline = start + timeout.toNanos();
            while (!outSoFar.toString(StandardCharsets.UTF_8).contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    fail("lem did not write '" + text + "' (" + (process.isAlive() ? "timed out" : "it ended") + "): "
                            + command + "\n--- stdout ---\n" + outSoFar.toString(StandardCharsets.UTF_8)
                            + "\n--- stderr ---\n" + text(err, Duration.ofSeconds(2)));
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + command, e);
                }
            }
            return this;
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }

        /** Writes {@code text} to lem's standard input at once (see {@link #stdinOpen}). */
        Running send(String text) {
            try {
                input.write(text.getBytes(StandardCharsets.UTF_8));
                input.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to lem's stdin: " + command, e);
            }
            return this;
        }

        /** Ends lem's standard input (see {@link #stdinOpen}). */
        Running closeStdin() {
            try {
                input.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Sends the signal {@code name} (INT, USR1, ...) to lem, as {@code kill -NAME pid} does. */
        Running signal(String name) {
            try {
                Process kill = new ProcessBuilder("sh", "-c", "kill -" + name + " " + pid()).inheritIO().start();
                assertTrue(kill.waitFor() == 0, () -> "kill -" + name + " " + pid() + " failed");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return this;
        }

        /** Waits for the end within the run's timeout. */
        Result finish() {
            return finish(Duration.ofNanos(Math.max(0, start + timeout.toNanos() - System.nanoTime())));
        }

        private Result finish(Duration limit) {
            boolean finished;
            try {
                finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + command, e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!finished) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String partialOut = text(out, Duration.ofSeconds(2));
                String partialErr = text(err, Duration.ofSeconds(2));
                fail("lem did not finish within " + limit.toMillis() + " ms and was killed: " + command
                        + "\n--- stdout ---\n" + partialOut + "\n--- stderr ---\n" + partialErr);
            }
            if (feeder != null) {
                feeder.interrupt();
            }
            return new Result(program, process.exitValue(), text(out, Duration.ofSeconds(10)),
                    text(err, Duration.ofSeconds(10)), elapsed);
        }
    }

    /** Copies {@code stream} into {@code sink} as it comes; the future gives everything at the end. */
    private static Future<byte[]> drain(InputStream stream, ByteArrayOutputStream sink) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (stream) {
                stream.transferTo(sink);
                return sink.toByteArray();
            }
        });
        Thread.ofVirtual().start(task);
        return task;
    }

    private static String text(Future<byte[]> bytes, Duration limit) {
        try {
            return new String(bytes.get(limit.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            return "<output not closed in time>";
        } catch (ExecutionException e) {
            return "<output unreadable: " + e.getCause() + ">";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "<interrupted>";
        }
    }

    /** Writes {@code source} to {@code dir/name} and returns the absolute path. */
    static Path script(Path dir, String name, String source) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath();
    }
}
