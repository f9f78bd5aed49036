package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell in a real terminal (tmux): prompts, background output, keys, completion, history. */
class ShellTerminalIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @BeforeAll
    static void built() {
        LemProcess.run("-v"); // build once, outside the terminal
    }

    private Tmux shell() throws Exception {
        Tmux t = Tmux.start("cd " + LemProcess.root() + " && LEM_HISTORY=" + tmp.resolve("history") + " ./lem");
        t.waitForPrompt(WAIT);
        return t;
    }

    @Test
    void backgroundOutputGoesAboveTheLineBeingTyped() throws Exception {
        try (Tmux t = shell()) {
            t.type("u = require 'lem.utils'").send("Enter");
            t.type("u.spawn(function() for i = 1, 3 do u.newsleeper():sleep(0.4) print('tick ' .. i) end end)").send("Enter");
            t.type("half typed");
            String screen = t.waitFor("tick 3", WAIT);
            assertTrue(screen.strip().endsWith("> half typed"), screen);
            assertTrue(screen.indexOf("tick 1") < screen.indexOf("tick 3"), screen);
        }
    }

    @Test
    void closingTheTerminalEndsTheShellWithoutAJavaStackTrace() throws Exception {
        Path stderr = tmp.resolve("stderr");
        String marker = "lem.test.hangup=" + System.nanoTime();
        Tmux t = Tmux.start("cd " + LemProcess.root() + " && LEM_HISTORY=" + tmp.resolve("history")
                + " LEM_JAVA_OPTS=-D" + marker + " ./lem 2>" + stderr);
        t.waitForPrompt(WAIT);
        ProcessHandle lem = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .findFirst().orElseThrow();
        t.close(); // the terminal goes away, as when its window is closed
        lem.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String errors = Files.readString(stderr);
        assertFalse(errors.contains("Exception") || errors.contains("\tat "), errors);
    }

    @Test
    void ctrlCInterruptsAWaitingChunkAndABusyOne() throws Exception {
        try (Tmux t = shell()) {
            t.type("print(require('lem.utils').newsleeper():sleep(100))").send("Enter");
            Thread.sleep(500);
            t.send("C-c");
            t.waitFor("interrupted", WAIT);
            assertTrue(t.screen().matches("(?s).*nil\\s+interrupted.*"), t.screen());
            t.type("while true do end").send("Enter");
            Thread.sleep(500);
            t.send("C-c");
            t.waitFor("stdin:1: interrupted", WAIT);
            t.type("print('still here')").send("Enter");
            t.waitFor("still here", WAIT);
        }
    }

    @Test
    void tabCompletesFromTheLiveState() throws Exception {
        try (Tmux t = shell()) {
            t.type("x = string.fo").send("Tab");
            t.waitFor("x = string.format", WAIT);
            t.send("C-u");
            t.type("obj = setmetatable({}, {__index = {greet = function() end}})").send("Enter");
            t.type("obj:gr").send("Tab");
            t.waitFor("obj:greet", WAIT);
        }
    }

    @Test
    void historySurvivesARestart() throws Exception {
        try (Tmux t = shell()) {
            t.type("remembered = 42").send("Enter");
            t.waitForPrompt(WAIT);
            t.send("C-d");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (t.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(t.isAlive(), "Ctrl-D ends the shell");
        }
        assertTrue(Files.readString(tmp.resolve("history")).contains("remembered = 42"));
        try (Tmux t = shell()) {
            t.send("Up");
            t.waitFor("> remembered = 42", WAIT);
        }
    }

    @Test
    void theChatServerServesWhileTheUserTypes() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Tmux t = Tmux.start("cd " + LemProcess.root() + " && LEM_HISTORY=" + tmp.resolve("history")
                + " ./lem -i repl-scripts/chat-server.lua " + port)) {
            t.waitFor("chat server on port " + port, WAIT);
            t.type(".tasks").send("Enter");
            t.waitFor("autospawn on", WAIT);
            t.type("typing meanwhile");
            try (Socket a = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket b = new Socket(InetAddress.getLoopbackAddress(), port)) {
                BufferedReader ina = new BufferedReader(new InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8));
                BufferedReader inb = new BufferedReader(new InputStreamReader(b.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter outa = new PrintWriter(a.getOutputStream(), true, StandardCharsets.UTF_8);
                PrintWriter outb = new PrintWriter(b.getOutputStream(), true, StandardCharsets.UTF_8);
                a.setSoTimeout(10_000);
                b.setSoTimeout(10_000);
                ina.readLine();
                inb.readLine();
                outa.print("alice\r\n");
                outa.flush();
                outb.print("bob\r\n");
                outb.flush();
                assertTrue(ina.readLine().contains("bob joined"));
                outa.print("hello bob\r\n");
                outa.flush();
                assertTrue(inb.readLine().contains("alice : hello bob"));
            }
            String screen = t.screen();
            assertTrue(screen.strip().endsWith("> typing meanwhile"), screen);
        }
    }
}
