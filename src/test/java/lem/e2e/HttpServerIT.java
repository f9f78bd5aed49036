package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lem.http.server and lem.hathaway in the real lem process, asked by Java's own HTTP client. */
class HttpServerIT {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Process lem;

    @AfterEach
    void stop() {
        if (lem != null) {
            lem.destroyForcibly();
        }
        http.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts lem and waits until it prints {@code mark}; returns what it printed so far. */
    private String start(String mark, String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = LemProcess.program();
        System.arraycopy(args, 0, command, 1, args.length);
        lem = new ProcessBuilder(command).directory(LemProcess.root().toFile()).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        InputStream out = lem.getInputStream();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!seen.toString().contains(mark) && System.nanoTime() < deadline) {
            int c = out.read();
            if (c < 0) {
                break;
            }
            seen.append((char) c);
        }
        assertTrue(seen.toString().contains(mark), "lem did not start: " + seen);
        return seen.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHelloScriptAnswers() throws Exception {
        int port = freePort();
        start("http-hello on", "repl-scripts/http-hello.lua", String.valueOf(port), "127.0.0.1");
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> res = send(HttpRequest.newBuilder(uri));
            assertEquals(200, res.statusCode());
            assertEquals("Hello, World!\n", res.body());
            assertEquals("text/plain", res.headers().firstValue("content-type").orElse(""));
        }
    }

    @Test
    void aHathawayAppRoundTrip() throws Exception {
        int port = freePort();
        Path file = tmp.resolve("data.txt");
        Files.writeString(file, "x".repeat(100_000));
        Path script = tmp.resolve("app.lua");
        Files.writeString(script, """
                local hathaway = require 'lem.hathaway'
                hathaway.debug = function(category, message) print(category, message) end
                local app = hathaway.new()
                app:GETM('^/hello/([^/]+)$', function(req, res, name) res:add('Hello, %s!', name) end)
                app:POST('/upload', function(req, res)
                	local body = assert(req:body(1000000))
                	res.status = 201
                	res:add('%d bytes, %s', #body, body:sub(1, 5))
                end)
                app:PUT('/item', function(req, res) res:add('put %s', req:body()) end)
                app:DELETE('/item', function(req, res) res.status = 204 end)
                app:GET('/file', function(req, res) res.file = arg[2] end)
                app:GET('/boom', function(req, res) error('boom') end)
                app:POST('/quit', function(req, res) res:add('bye') app.server:close() end)
                local socket = assert(require('lem.io').tcp.listen4('127.0.0.1', arg[1]))
                print('ready')
                io.stdout:write('')
                print('stopped', app:run(socket))
                """);
        start("ready", script.toString(), String.valueOf(port), file.toString());
        String base = "http://127.0.0.1:" + port;

        HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(base + "/hello/J%C3%BCrgen")));
        assertEquals("Hello, J\u00fcrgen!", res.body());
        // a body sent after 100 Continue, and one sent in chunks
        res = send(HttpRequest.newBuilder(URI.create(base + "/upload")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("hello world")));
        assertEquals(201, res.statusCode());
        assertEquals("11 bytes, hello", res.body());
        byte[] big = "chunk".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        res = send(HttpRequest.newBuilder(URI.create(base + "/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertEquals("100000 bytes, chunk", res.body());
        res = send(HttpRequest.newBuilder(URI.create(base + "/item")).PUT(HttpRequest.BodyPublishers.ofString("it")));
        assertEquals("put it", res.body());
        res = send(HttpRequest.newBuilder(URI.create(base + "/item")).DELETE());
        assertEquals(204, res.statusCode());
        res = send(HttpRequest.newBuilder(URI.create(base + "/file")));
        assertEquals(100_000, res.body().length());
        res = send(HttpRequest.newBuilder(URI.create(base + "/file")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals("100000", res.headers().firstValue("content-length").orElse(""));
        assertEquals(405, send(HttpRequest.newBuilder(URI.create(base + "/item"))).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(base + "/nowhere"))).statusCode());
        // an error in a handler: 500 for that request, and the server goes on
        assertEquals(500, send(HttpRequest.newBuilder(URI.create(base + "/boom"))).statusCode());
        assertEquals("Hello, again!", send(HttpRequest.newBuilder(URI.create(base + "/hello/again"))).body());

        assertEquals("bye", send(HttpRequest.newBuilder(URI.create(base + "/quit")).POST(HttpRequest.BodyPublishers.noBody())).body());
        assertTrue(lem.waitFor(20, TimeUnit.SECONDS), "lem did not end after app.server:close()");
        String output = new String(lem.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, lem.exitValue(), output);
        assertTrue(output.contains("info\tGET /hello/J%C3%BCrgen HTTP/1.1\n"), output);
        assertTrue(output.contains("handler\t"), output);
        assertTrue(output.contains("stopped\ttrue\n"), output);
    }
}
