package lem.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program in a real terminal: tmux with send-keys and capture-pane, every wait bounded. */
final class Tmux implements AutoCloseable {
    /** A tmux server of this test run's own, so that runs side by side never touch each other's panes. */
    private static final String SERVER = "lem-test-" + ProcessHandle.current().pid();
    private static int sessions;
    private final String name;

    private Tmux(String name) {
        this.name = name;
    }

    /** Starts {@code command} (a shell command line) in a new 100x30 tmux session. */
    static Tmux start(String command) throws IOException, InterruptedException {
        Tmux t = new Tmux("lem-test-" + ProcessHandle.current().pid() + "-" + (++sessions));
        t.tmux("new-session", "-d", "-s", t.name, "-x", "100", "-y", "30", command);
        return t;
    }

    /** Types {@code keys} (tmux key names such as Enter, Tab, C-c are understood). */
    Tmux send(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
        return this;
    }

    /** Types text literally (no key names). */
    Tmux type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", name, "-l", text);
        return this;
    }

    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-t", name, "-p");
    }

    /** Waits until the screen contains {@code text}; returns the screen (fails after the limit). */
    String waitFor(String text, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String screen = screen();
        while (!screen.contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen never showed '" + text + "':\n" + screen);
            }
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    /** Waits until the last line on the screen is a prompt with nothing typed ("> "). */
    String waitForPrompt(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String screen = screen();
        while (!screen.strip().endsWith("\n>") && !screen.strip().equals(">")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no empty prompt on the screen:\n" + screen);
            }
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    boolean isAlive() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tmux", "-L", SERVER, "has-session", "-t", name).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", SERVER));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux did not answer: " + command);
        }
        return out;
    }

    /**
     * Closes the terminal and waits (bounded) until the program that ran in it has exited: the
     * shell saves its history as it goes, and a test's temporary folder is removed right after.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!isAlive()) {
            return;
        }
        List<ProcessHandle> programs = new ArrayList<>();
        ProcessHandle.of(Long.parseLong(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip()))
                .ifPresent(pane -> {
                    programs.add(pane);
                    // lem itself, not the start-up cache the launcher may be making in the background
                    pane.descendants().filter(p -> p.info().commandLine().orElse("").contains("-Dlem.tty="))
                            .forEach(programs::add);
                });
        tmux("kill-session", "-t", name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle program : programs) {
            while (running(program) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    /** Alive and not a zombie: tmux collects its ended children only a second or two later. */
    private static boolean running(ProcessHandle program) {
        try {
            String stat = Files.readString(Path.of("/proc/" + program.pid() + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false; // gone
        }
    }
}
