package lem.runtime.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import lem.runtime.OsErrors;
import org.luaj.vm2.LuaError;

/**
 * Files (and stdin) as Lua 5.2's loadfile reads them: a UTF-8 byte order mark and a first line
 * starting with '#' (as in "#!/usr/bin/env lem") are skipped; the line break stays, so lines keep
 * their numbers. Chunks given as strings (load, -e) keep all their text.
 */
public final class FileChunks {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private FileChunks() {
    }

    /**
     * The text of the file at {@code path}; a LuaError ("cannot open x: No such file or
     * directory", "cannot read x: Is a directory") when there is none.
     */
    public static byte[] read(String path) {
        InputStream in;
        try {
            in = Files.newInputStream(Path.of(path));
        } catch (IOException | InvalidPathException e) {
            throw failure("open", path, e);
        }
        try (in) {
            return text(in.readAllBytes());
        } catch (IOException e) {
            throw failure("read", path, e);
        }
    }

    /** The text of standard input, read to its end. */
    public static byte[] read(InputStream stdin) {
        try {
            return text(stdin.readAllBytes());
        } catch (IOException e) {
            throw failure("read", "stdin", e);
        }
    }

    private static LuaError failure(String what, String name, Exception e) {
        String reason = e instanceof IOException io ? OsErrors.message(io) : "No such file or directory";
        return new LuaError("cannot " + what + " " + name + ": " + reason);
    }

    /** The text of a file's {@code content} that the compiler reads. */
    public static byte[] text(byte[] content) {
        int start = startsWith(content, BYTE_ORDER_MARK) ? BYTE_ORDER_MARK.length : 0;
        if (start == content.length || content[start] != '#') {
            return start == 0 ? content : Arrays.copyOfRange(content, start, content.length);
        }
        int lineEnd = start;
        while (lineEnd < content.length && content[lineEnd] != '\n') {
            lineEnd++;
        }
        int rest = Math.min(lineEnd + 1, content.length);
        byte[] text = new byte[1 + content.length - rest];
        text[0] = '\n';
        System.arraycopy(content, rest, text, 1, content.length - rest);
        return text;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
