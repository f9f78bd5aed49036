package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The chat server of the original LEM README (repl-scripts/chat-server.lua), run as a script
 * with three clients on 127.0.0.1: every line a client sends reaches the two others and not the
 * sender, a client that leaves is announced, and the server stops when told to.
 */
class ChatServerIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** Given with -e before the script: one line on stdin closes the server (chat_server is its global). */
    private static final String STOP_ON_STDIN = "require('lem.utils').spawn(function() "
            + "require('lem.io').stdin:read('*l'); chat_server:close() end)";

    /** A chat client: a socket on 127.0.0.1 with a read timeout, read line by line. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout((int) LIMIT.toMillis());
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        /** Connects, answers the welcome with {@code name}. */
        static Client join(int port, String name) throws IOException {
            Client c = new Client(port);
            assertEquals("Welcome! What is your name?", c.in.readLine());
            c.say(name);
            return c;
        }

        void say(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8)); // as telnet sends it
            out.flush();
        }

        /** The next line the server sent, without its CR LF. */
        String hears() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void threeClientsHearEachOtherButNotThemselves() throws Exception {
        int port = freePort();
        String script = LemProcess.root().resolve("repl-scripts/chat-server.lua").toString();
        try (LemProcess.Running lem = LemProcess.lem("-e", STOP_ON_STDIN, script, String.valueOf(port))
                .stdinOpen().timeout(LIMIT).start()) {
            lem.awaitOutput("chat server on port " + port + "\n");
            assertTimeoutPreemptively(LIMIT, () -> {
                try (Client alice = Client.join(port, "alice")) {
                    try (Client bob = Client.join(port, "bob")) {
                        assertEquals("bob joined", alice.hears());
                        try (Client carol = Client.join(port, "carol")) {
                            assertEquals("carol joined", alice.hears());
                            assertEquals("carol joined", bob.hears());
                            // each sender's next line is someone else's: its own never comes back
                            alice.say("hello from alice");
                            assertEquals("alice : hello from alice", bob.hears());
                            assertEquals("alice : hello from alice", carol.hears());
                            bob.say("hi, bob here");
                            assertEquals("bob : hi, bob here", alice.hears());
                            assertEquals("bob : hi, bob here", carol.hears());
                            carol.say("carol too");
                            assertEquals("carol : carol too", alice.hears());
                            assertEquals("carol : carol too", bob.hears());
                            alice.say("time to go, carol?");
                            assertEquals("alice : time to go, carol?", bob.hears());
                            assertEquals("alice : time to go, carol?", carol.hears());
                        }
                        assertEquals("carol left", alice.hears());
                        assertEquals("carol left", bob.hears());
                        bob.say("just us two");
                        assertEquals("bob : just us two", alice.hears());
                        alice.say("so it seems");
                        assertEquals("alice : so it seems", bob.hears());
                    }
                    assertEquals("bob left", alice.hears());
                }
                lem.send("stop\n");
                lem.awaitOutput("chat server stopped: interrupted\n");
            });
            LemProcess.Result r = lem.finish();
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("chat server on port " + port + "\nchat server stopped: interrupted\n", r.stdout(), r::toString);
            assertEquals("", r.stderr(), r::toString);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
