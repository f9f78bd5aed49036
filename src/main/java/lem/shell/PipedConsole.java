package lem.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import lem.runtime.Loop;

/** The shell reading a pipe: no prompt, no colour; one line at a time, as the shell asks. */
final class PipedConsole implements Console {
    private final Loop loop;
    private final InputStream in;
    private final Semaphore wanted = new Semaphore(0);

    PipedConsole(Loop loop, InputStream in) {
        this.loop = loop;
        this.in = in;
    }

    @Override
    public void start(Shell shell) {
        Thread reader = new Thread(() -> {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            try {
                boolean first = true;
                while (true) {
                    wanted.acquire();
                    String read = lines.readLine();
                    // a script's #! line is skipped, as lua skips it
                    String line = first && read != null && read.startsWith("#") ? "" : read;
                    first = false;
                    if (line == null) {
                        loop.post(shell::onEnd);
                        return;
                    }
                    loop.post(() -> shell.onLine(line));
                }
            } catch (IOException e) {
                loop.post(shell::onEnd);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lem-console");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void prompt(String prompt) {
        wanted.release();
    }

    @Override
    public void printAbove(String line) {
        throw new IllegalStateException("a piped console never shows a prompt");
    }

    @Override
    public boolean isPrompting() {
        return false;
    }

    @Override
    public boolean colour() {
        return false;
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void close() {
    }
}
