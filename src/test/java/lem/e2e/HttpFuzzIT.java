package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes a real lem.http.server: 100,000 requests from a fixed seed, well-formed, damaged and
 * random, pipelined a few to a connection from several threads at once. Afterwards the server
 * must still answer correctly, have no connection left but the one asking, never have answered
 * 500 (no error escaped into a handler), and end by itself once closed (no task left waiting).
 */
class HttpFuzzIT {
    private static final long SEED = 20261126L;
    private static final int REQUESTS = 100_000;
    private static final int THREADS = 4;
    private static final Duration LIMIT = Duration.ofSeconds(240);
    private static final Pattern STATUS = Pattern.compile("(?m)^HTTP/1\\.[01] (\\d{3}) ");
    /** What the server may answer to anything: no 500, which would mean an error in the server's own code path. */
    private static final Set<String> EXPECTED = Set.of("100", "200", "204", "400", "404", "417", "431", "501", "505");

    private static final String SERVER = """
            local httpserv = require 'lem.http.server'
            local counts = { requests = 0 }
            local server
            server = assert(httpserv.new('127.0.0.1', arg[1], function(req, res)
            	counts.requests = counts.requests + 1
            	if req.path == '/' then
            		res.headers['Content-Type'] = 'text/plain'
            		res:add('Hello, World!\\n')
            	elseif req.path == '/echo' then
            		local body, err = req:body()
            		res:add(body or ('no body: ' .. tostring(err)))
            	elseif req.path == '/stats' then
            		local n = 0
            		local left = {}
            		for conn in pairs(server.connections) do
            			n = n + 1
            			left[#left + 1] = string.format('[idle=%s deadline=%s closed=%s]',
            				tostring(conn.idle), tostring(conn.deadline), tostring(conn.client:closed()))
            		end
            		res:add('%s connections=%d', table.concat(left, ' '), n)
            	elseif req.path == '/quit' then
            		res.headers['Connection'] = 'close'
            		res:add('bye')
            		server:close()
            	else
            		res.status = 404
            	end
            end))
            server.limits.idle_timeout = 5
            server.limits.client_timeout = 5
            server.debug = function(category) counts[category] = (counts[category] or 0) + 1 end
            print('ready')
            io.stdout:write('')
            print('run', server:run())
            local names = {}
            for k, v in pairs(counts) do names[#names + 1] = k .. '=' .. v end
            table.sort(names)
            print(table.concat(names, ' '))
            """;

    @TempDir
    Path tmp;

    /** What the fuzzing threads saw. */
    private static final class Tally {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger timeouts = new AtomicInteger();
        final Map<String, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> unexpected = new TreeMap<>();

        synchronized void status(String code) {
            statuses.merge(code, 1, Integer::sum);
            if (!EXPECTED.contains(code)) {
                unexpected.merge(code, 1, Integer::sum);
            }
        }
    }

    @Test
    void theServerSurvivesRandomAndDamagedRequests() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path script = tmp.resolve("fuzz-server.lua");
        Files.writeString(script, SERVER);
        Process lem = new ProcessBuilder(LemProcess.program(), script.toString(), String.valueOf(port))
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try {
            waitFor(lem.getInputStream(), output, "ready\n");
            long start = System.nanoTime();
            Tally tally = fuzz(port);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("fuzz: %d requests on %d connections in %d ms; answers %s%n",
                    tally.sent.get(), tally.connections.get(), took.toMillis(), tally.statuses);
            assertTrue(tally.sent.get() >= REQUESTS, "requests sent: " + tally.sent.get());
            assertEquals(0, tally.timeouts.get(), "connections the server neither answered nor closed in time");
            assertTrue(tally.unexpected.isEmpty(), "unexpected answers " + tally.unexpected);
            assertTrue(tally.statuses.getOrDefault("200", 0) > 5_000, "answers " + tally.statuses);
            assertTrue(tally.statuses.getOrDefault("400", 0) > 5_000, "answers " + tally.statuses);

            // it still answers correctly, and holds no connection but the one asking
            assertTrue(exchange(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").endsWith("\r\n\r\nHello, World!\n"));
            assertTrue(exchange(port, "POST /echo HTTP/1.1\r\nContent-Length: 4\r\nConnection: close\r\n\r\nping")
                    .endsWith("\r\n\r\nping"));
            String stats = "";
            for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < deadline;) {
                stats = exchange(port, "GET /stats HTTP/1.1\r\nConnection: close\r\n\r\n");
                if (stats.endsWith("connections=1")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(stats.endsWith("connections=1"), "connections left open: " + stats);

            // closed, it ends by itself
            assertTrue(exchange(port, "GET /quit HTTP/1.1\r\n\r\n").endsWith("bye"));
            assertTrue(lem.waitFor(20, TimeUnit.SECONDS), "lem did not end after the server closed");
            output.append(new String(lem.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, lem.exitValue(), output::toString);
            assertTrue(output.toString().contains("run\tnil\tinterrupted\n"), output::toString);
            assertFalse(output.toString().contains("handler="), () -> "an error reached a handler: " + output);
            assertFalse(output.toString().contains("lem:"), output::toString);
            System.out.println("fuzz: server counts " + output.toString().lines().reduce((a, b) -> b).orElse(""));
        } finally {
            lem.destroyForcibly();
        }
    }

    private static Tally fuzz(int port) throws Exception {
        Tally tally = new Tally();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            Future<?>[] done = new Future<?>[THREADS];
            for (int t = 0; t < THREADS; t++) {
                RequestMutator mutator = new RequestMutator(new Random(SEED + t));
                Random choices = new Random(SEED - t);
                done[t] = threads.submit(() -> {
                    while (tally.sent.get() < REQUESTS && System.nanoTime() < deadline) {
                        int count = 1 + choices.nextInt(8);
                        connection(port, RequestMutator.batch(mutator, count), choices.nextInt(25) == 0, tally);
                        tally.sent.addAndGet(count);
                    }
                    return null;
                });
            }
            for (Future<?> f : done) {
                f.get(LIMIT.toSeconds() + 30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(System.nanoTime() < deadline, "fuzzing took longer than " + LIMIT);
        return tally;
    }

    /** One connection: the requests, then (unless it resets at once) everything the server says until it closes. */
    private static void connection(int port, byte[] requests, boolean reset, Tally tally) {
        tally.connections.incrementAndGet();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(15_000);
            try {
                s.getOutputStream().write(requests);
                if (reset) {
                    s.setSoLinger(true, 0);
                    return;
                }
                s.shutdownOutput();
            } catch (IOException e) {
                // the server closed first (after refusing an early request): read what it said
            }
            String answer = new String(readAll(s.getInputStream()), StandardCharsets.ISO_8859_1);
            if (!answer.isEmpty() && !answer.startsWith("HTTP/1.")) {
                tally.status("garbage: " + answer.substring(0, Math.min(20, answer.length())));
            }
            Matcher m = STATUS.matcher(answer);
            while (m.find()) {
                tally.status(m.group(1));
            }
        } catch (SocketTimeoutException e) {
            tally.timeouts.incrementAndGet();
        } catch (IOException e) {
            // a reset while reading: the server hung up on a broken request
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // reset after the answer: keep what came
        }
        return out.toByteArray();
    }

    /** A request on its own connection; the whole answer. */
    private static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(readAll(s.getInputStream()), StandardCharsets.ISO_8859_1);
        }
    }

    private static void waitFor(InputStream out, StringBuilder seen, String mark) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!seen.toString().contains(mark) && System.nanoTime() < deadline) {
            int c = out.read();
            if (c < 0) {
                break;
            }
            seen.append((char) c);
        }
        assertTrue(seen.toString().contains(mark), "lem did not get ready: " + seen);
    }
}
