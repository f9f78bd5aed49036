package lem.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Makes HTTP requests for fuzzing a server: well-formed ones of several kinds, the same with
 * random damage (bytes flipped, inserted, deleted, lines repeated, line ends changed, framing
 * headers doubled or contradicting, oversized tokens, cuts), and plain garbage. Deterministic
 * for a given {@link Random}.
 */
final class RequestMutator {
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "G\u00c9T", "get"};
    private static final String[] PATHS = {"/", "/echo", "/missing", "/a%20b?x=1", "/%zz", "*", "http://h/echo", "/echo?"};
    private static final String[] VERSIONS = {"1.1", "1.1", "1.1", "1.0", "2.0", "1.2", "0.9", "11.1"};
    private static final String[] HEADERS = {
        "Host: fuzz", "Accept: */*", "Connection: close", "Connection: keep-alive", "Expect: 100-continue",
        "Expect: 200-ok", "Transfer-Encoding: chunked", "Transfer-Encoding: gzip, chunked", "Content-Length: 3",
        "Content-Length: -1", "Content-Length: 99999999999999999999", "X-Long: " + "y".repeat(300), "X-Folded: a\r\n b",
        "Content-Type: text/plain", "X-Empty:",
    };

    private final Random random;

    RequestMutator(Random random) {
        this.random = random;
    }

    /** One request, well-formed about a third of the time, damaged or garbage otherwise. */
    byte[] next() {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return wellFormed();
        }
        if (kind < 9) {
            return damage(wellFormed());
        }
        return garbage();
    }

    byte[] wellFormed() {
        String version = random.nextInt(8) == 0 ? "1.0" : "1.1";
        switch (random.nextInt(5)) {
            case 0:
                return text("GET / HTTP/" + version + "\r\nHost: fuzz\r\n\r\n");
            case 1:
                return text("HEAD /a%20b?q=1 HTTP/" + version + "\r\nHost: fuzz\r\nAccept: */*\r\n\r\n");
            case 2: {
                String body = word(random.nextInt(64));
                return text("POST /echo HTTP/" + version + "\r\nHost: fuzz\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            }
            case 3: {
                StringBuilder chunks = new StringBuilder();
                for (int i = random.nextInt(4); i > 0; i--) {
                    String piece = word(1 + random.nextInt(20));
                    chunks.append(Integer.toHexString(piece.length())).append(random.nextBoolean() ? ";ext=1" : "").append("\r\n")
                            .append(piece).append("\r\n");
                }
                return text("POST /echo HTTP/1.1\r\nHost: fuzz\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n");
            }
            default: {
                StringBuilder head = new StringBuilder();
                head.append(pick(METHODS)).append(' ').append(pick(PATHS)).append(" HTTP/").append(pick(VERSIONS)).append("\r\n");
                for (int i = random.nextInt(6); i > 0; i--) {
                    head.append(pick(HEADERS)).append("\r\n");
                }
                return text(head.append("\r\n").append(random.nextBoolean() ? "abc" : "").toString());
            }
        }
    }

    byte[] damage(byte[] request) {
        byte[] r = request;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            r = switch (random.nextInt(9)) {
                case 0 -> flip(r);
                case 1 -> insert(r, randomBytes(1 + random.nextInt(8)));
                case 2 -> delete(r);
                case 3 -> Arrays.copyOf(r, random.nextInt(r.length + 1)); // cut short
                case 4 -> replaceAll(r, "\r\n", random.nextBoolean() ? "\n" : "\r");
                case 5 -> insertLine(r, pick(new String[] {"Content-Length: 5", "Transfer-Encoding: chunked",
                    "Content-Length: 0", " folded", "Bad Header: x", ": empty", "X: \u0001", "Host: a\rb"}));
                case 6 -> insertLine(r, "X-Big: " + "z".repeat(4000 + random.nextInt(2000)));
                case 7 -> insert(r, text(" "));
                default -> concat(r, r); // the request twice
            };
        }
        return r;
    }

    byte[] garbage() {
        return randomBytes(random.nextInt(200));
    }

    private byte[] flip(byte[] r) {
        if (r.length == 0) {
            return r;
        }
        byte[] copy = r.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private byte[] insert(byte[] r, byte[] what) {
        int at = random.nextInt(r.length + 1);
        byte[] out = new byte[r.length + what.length];
        System.arraycopy(r, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(r, at, out, at + what.length, r.length - at);
        return out;
    }

    private byte[] delete(byte[] r) {
        if (r.length == 0) {
            return r;
        }
        int at = random.nextInt(r.length);
        int n = Math.min(r.length - at, 1 + random.nextInt(6));
        byte[] out = new byte[r.length - n];
        System.arraycopy(r, 0, out, 0, at);
        System.arraycopy(r, at + n, out, at, r.length - at - n);
        return out;
    }

    /** Puts a header line after the request line (or at the start when there is none). */
    private byte[] insertLine(byte[] r, String line) {
        String s = new String(r, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("\r\n");
        at = at < 0 ? 0 : at + 2;
        return text(s.substring(0, at) + line + "\r\n" + s.substring(at));
    }

    private static byte[] replaceAll(byte[] r, String from, String to) {
        return text(new String(r, StandardCharsets.ISO_8859_1).replace(from, to));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String word(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The requests of one connection, written at once (pipelined). */
    static byte[] batch(RequestMutator m, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes(m.next());
        }
        return out.toByteArray();
    }
}
