package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * io.fromfd on descriptors a lem process really inherits: redirections of a shell ({@code 3<file},
 * {@code 4<>fifo}, ...) and sockets that a Python helper opens and passes on as a supervisor
 * does (Java cannot hand arbitrary descriptors to a child).
 */
class FromFdIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void filesPipesDevicesAndTheStandardDescriptors() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "line one\nline two\n");
        Path log = Files.writeString(tmp.resolve("log.txt"), "first\n");
        Path fifo = mkfifo(tmp.resolve("fifo"));
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Path script = LemProcess.script(tmp, "fds.lua", """
                local io = require 'lem.io'
                local f = io.fromfd(3)
                print('3 file', getmetatable(f) == io.File, f:read('*l'), f:read('*a'))
                -- the descriptor itself, not a duplicate: closing the File closes fd 3
                print('3 closed', f:close(), io.fromfd(3))
                local p = io.fromfd(4)
                print('4 fifo', getmetatable(p) == io.Stream, p:write('through the fifo\\n'), p:read('*l'))
                print('4 closed', p:close())
                print('5 directory', io.fromfd(5))
                local null = io.fromfd(6)
                print('6 /dev/null', getmetatable(null) == io.Stream, null:write('gone'), null:read())
                local a = io.fromfd(7)
                print('7 append', getmetatable(a) == io.File, a:write('appended\\n'), a:close())
                print('999 not open', io.fromfd(999))
                local ok, err = pcall(function() return io.fromfd(-1) end)
                print('-1', ok, (err:gsub('^.-:%d+: ', '')))   -- without the script's path
                local stdin = io.fromfd(0)
                print('0 stdin', getmetatable(stdin) == io.Stream, stdin:read('*l'))
                local stdout = io.fromfd(1)
                print('1 stdout', getmetatable(stdout) == io.Stream)
                stdout:write('1 written between two prints\\n')
                print('1 printed after')
                local stderr = io.fromfd(2)
                print('2 stderr', getmetatable(stderr) == io.Stream, stderr:write('on stderr\\n'))
                """);
        LemProcess.Result r = LemProcess.lem(script.toString())
                .wrappedIn("sh", "-c", "exec 3<\"$1\" 4<>\"$2\" 5<\"$3\" 6>/dev/null 7>>\"$4\"; shift 4; exec \"$@\"",
                        "sh", notes.toString(), fifo.toString(), dir.toString(), log.toString())
                .stdin("from the test\nnot read\n")
                .timeout(LIMIT)
                .run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                3 file\ttrue\tline one\tline two
                
                3 closed\ttrue\tnil\tBad file descriptor
                4 fifo\ttrue\ttrue\tthrough the fifo
                4 closed\ttrue
                5 directory\tnil\tInvalid argument
                6 /dev/null\ttrue\ttrue\tnil\tBad file descriptor
                7 append\ttrue\ttrue\ttrue
                999 not open\tnil\tBad file descriptor
                -1\tfalse\tbad argument #1 to 'fromfd' (invalid fd)
                0 stdin\ttrue\tfrom the test
                1 stdout\ttrue
                1 written between two prints
                1 printed after
                2 stderr\ttrue\ttrue
                """, r.stdout(), r::toString);
        assertEquals("on stderr\n", r.stderr(), r::toString);
        assertEquals("first\nappended\n", Files.readString(log));
    }

    @Test
    void standardOutputRedirectedToAFileIsAFileThatKeepsPrintsOrder() throws Exception {
        Path out = tmp.resolve("out.txt");
        Path script = LemProcess.script(tmp, "stdout.lua", """
                local io = require 'lem.io'
                print('printed first')
                local stdout = io.fromfd(1)
                print('a File', getmetatable(stdout) == io.File)
                stdout:write('written by the File\\n')
                print('printed last')
                """);
        LemProcess.Result r = LemProcess.lem(script.toString())
                .wrappedIn("sh", "-c", "exec \"$@\" > \"$0\"", out.toString())
                .timeout(LIMIT)
                .run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("printed first\na File\ttrue\nwritten by the File\nprinted last\n", Files.readString(out));
    }

    /** Passes sockets to lem as descriptors 3 to 6, then becomes lem, as a supervisor would. */
    private static final String SOCKET_PASSER = """
            import os, socket, sys
            tcp_port, unix_path, peer_port, peer_path = sys.argv[1:5]
            # hold 3..9 so that the sockets land above them and dup2 below never copies a descriptor onto itself
            placeholders = [os.open('/dev/null', os.O_RDONLY) for _ in range(7)]
            tcp_server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            tcp_server.bind(('127.0.0.1', int(tcp_port)))
            tcp_server.listen(5)
            unix_server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            unix_server.bind(unix_path)
            unix_server.listen(5)
            tcp_stream = socket.create_connection(('127.0.0.1', int(peer_port)))
            unix_stream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            unix_stream.connect(peer_path)
            for fd, s in enumerate((tcp_server, unix_server, tcp_stream, unix_stream), start=3):
                os.dup2(s.fileno(), fd)  # inheritable; the originals and placeholders 7..9 close at exec
                os.set_inheritable(fd, True)
            os.execv(sys.argv[5], sys.argv[5:])
            """;

    @Test
    void listeningAndConnectedSocketsBecomeServersAndStreams() throws Exception {
        int lemPort = freePort();
        Path lemSocket = tmp.resolve("lem.sock");
        Path peerSocket = tmp.resolve("peer.sock");
        Path passer = LemProcess.script(tmp, "pass_sockets.py", SOCKET_PASSER);
        Path script = LemProcess.script(tmp, "sockets.lua", """
                local io = require 'lem.io'
                -- O_NONBLOCK (04000) of a descriptor, as /proc shows its flags (octal)
                local function nonblocking(fd)
                  local info = assert(io.open('/proc/self/fdinfo/' .. fd))
                  local flags = tonumber(info:read('*a'):match('flags:%s*(%d+)'), 8)
                  info:close()
                  return math.floor(flags / 2048) % 2 == 1
                end
                print('non-blocking before', nonblocking(3), nonblocking(4), nonblocking(5), nonblocking(6))
                local tcpServer, unixServer = io.fromfd(3), io.fromfd(4)
                local tcpStream, unixStream = io.fromfd(5), io.fromfd(6)
                print('kinds', getmetatable(tcpServer) == io.Server, getmetatable(unixServer) == io.Server,
                  getmetatable(tcpStream) == io.Stream, getmetatable(unixStream) == io.Stream)
                print('non-blocking after', nonblocking(3), nonblocking(4), nonblocking(5), nonblocking(6))
                print('tcp peer', tcpStream:getpeer())
                print('unix peer', (unixStream:getpeer()))
                print('ready')
                local c = assert(tcpServer:accept())
                print('tcp server got', c:read('*l'))
                assert(c:write('hello tcp client\\n'))
                c:close()
                local u = assert(unixServer:accept())
                print('unix server got', u:read('*l'))
                assert(u:write('hello unix client\\n'))
                u:close()
                print('tcp stream got', tcpStream:read('*l'))
                assert(tcpStream:write('hello tcp peer\\n'))
                print('unix stream got', unixStream:read('*l'))
                assert(unixStream:write('hello unix peer\\n'))
                print('tcp stream after the peer left', tcpStream:read('*l'))
                print('closed', unixStream:close(), tcpServer:close(), unixServer:close())
                """);
        try (ServerSocket tcpPeer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocketChannel unixPeer = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            unixPeer.bind(UnixDomainSocketAddress.of(peerSocket));
            tcpPeer.setSoTimeout((int) LIMIT.toMillis());
            try (LemProcess.Running lem = LemProcess.lem(script.toString())
                    .wrappedIn("python3", passer.toString(), String.valueOf(lemPort), lemSocket.toString(),
                            String.valueOf(tcpPeer.getLocalPort()), peerSocket.toString())
                    .timeout(LIMIT)
                    .start()) {
                assertTimeoutPreemptively(LIMIT, () -> {
                    try (Socket tcpStreamPeer = tcpPeer.accept(); SocketChannel unixStreamPeer = unixPeer.accept()) {
                        lem.awaitOutput("ready\n");
                        assertEquals("hello tcp client", tcpExchange(lemPort, "tcp client\n"));
                        assertEquals("hello unix client", unixExchange(lemSocket, "unix client\n"));
                        tcpStreamPeer.setSoTimeout((int) LIMIT.toMillis());
                        tcpStreamPeer.getOutputStream().write("tcp peer\n".getBytes(StandardCharsets.UTF_8));
                        assertEquals("hello tcp peer", readLine(tcpStreamPeer.getInputStream()));
                        Channels.newOutputStream(unixStreamPeer).write("unix peer\n".getBytes(StandardCharsets.UTF_8));
                        InputStream fromLem = Channels.newInputStream(unixStreamPeer);
                        assertEquals("hello unix peer", readLine(fromLem));
                        tcpStreamPeer.close();
                        assertEquals(-1, fromLem.read(), "lem closed the unix stream");
                    }
                });
                LemProcess.Result r = lem.finish();
                assertEquals(0, r.exitCode(), r::toString);
                assertEquals("""
                        non-blocking before\tfalse\tfalse\tfalse\tfalse
                        kinds\ttrue\ttrue\ttrue\ttrue
                        non-blocking after\ttrue\ttrue\ttrue\ttrue
                        tcp peer\t127.0.0.1\t%d
                        unix peer\t*unix
                        ready
                        tcp server got\ttcp client
                        unix server got\tunix client
                        tcp stream got\ttcp peer
                        unix stream got\tunix peer
                        tcp stream after the peer left\tnil\tclosed
                        closed\ttrue\ttrue\ttrue
                        """.formatted(tcpPeer.getLocalPort()), r.stdout(), r::toString);
            }
        }
    }

    /** Connects to lem's TCP server, sends {@code line}, returns the line it answers. */
    private static String tcpExchange(int port, String line) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) LIMIT.toMillis());
            s.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
            return readLine(s.getInputStream());
        }
    }

    /** The same over lem's unix server (a unix channel has no read timeout: the caller bounds the time). */
    private static String unixExchange(Path path, String line) throws IOException {
        try (SocketChannel s = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            OutputStream out = Channels.newOutputStream(s);
            out.write(line.getBytes(StandardCharsets.UTF_8));
            return readLine(Channels.newInputStream(s));
        }
    }

    /** A line without its newline; fails at the end of the input. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i < 4096; i++) {
            int c = in.read();
            if (c == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (c < 0) {
                throw new IOException("end of input after '" + line.toString(StandardCharsets.UTF_8) + "'");
            }
            line.write(c);
        }
        throw new IOException("no newline in 4096 bytes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Path mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo " + path);
        return path;
    }
}
