package lem.lib.std.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import lem.lib.LemFunction;
import lem.lib.LuaNumbers;
import lem.lib.std.FileResults;
import lem.lib.std.OsError;
import lem.runtime.OsErrors;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's standard {@code io} library (lem's own asynchronous I/O is {@code lem.io}): file
 * handles are userdata whose metatable holds the methods, reads and writes block as in C, and
 * results and errors are 5.2's, with errno numbers as on Linux.
 */
public final class IoLib {
    private static final String[] WHENCE = {"set", "cur", "end"};
    private static final String[] BUFFERING = {"no", "line", "full"};

    private final Globals globals;
    private final LuaTable meta = new LuaTable();
    private final OpenFiles files = new OpenFiles();
    private LuaValue input;
    private LuaValue output;

    private IoLib(Globals globals) {
        this.globals = globals;
    }

    /** Installs {@code io}; the result closes the open files at the end. */
    public static IoLib install(Globals globals) {
        IoLib lib = new IoLib(globals);
        lib.build();
        return lib;
    }

    /** Closes every file still open, as C's exit() does with its streams. */
    public void closeAll() {
        files.closeAll();
        globals.STDOUT.flush();
    }

    private void build() {
        meta.set("__index", meta);
        meta.set("__tostring", LemFunction.of("__tostring", (self, args) -> {
            LuaFile f = (LuaFile) args.checkuserdata(1, LuaFile.class);
            return LuaValue.valueOf(f.isClosed() ? "file (closed)"
                    : "file (0x" + String.format("%08x", System.identityHashCode(args.arg1())) + ")");
        }));
        meta.set("close", LemFunction.of("close", (self, args) -> close(check(self, args))));
        meta.set("flush", LemFunction.of("flush", (self, args) -> flush(check(self, args))));
        meta.set("lines", LemFunction.of("lines", (self, args) -> lines(self, args, false)));
        meta.set("read", LemFunction.of("read", (self, args) -> read(self, check(self, args), args, 2)));
        meta.set("write", LemFunction.of("write", (self, args) -> write(self, check(self, args), args.arg1(), args, 2)));
        meta.set("seek", LemFunction.of("seek", (self, args) -> {
            LuaFile f = check(self, args);
            int whence = self.checkOptionIndex(args, 2, "cur", WHENCE);
            double offset = args.arg(3).isnil() ? 0 : self.checkNumber(args, 3);
            if ((long) offset != offset) {
                throw self.argError(3, "not an integer in proper range");
            }
            try {
                return LuaValue.valueOf((double) f.seek(whence, (long) offset));
            } catch (IOException e) {
                return FileResults.failure(e, null);
            }
        }));
        meta.set("setvbuf", LemFunction.of("setvbuf", (self, args) -> {
            LuaFile f = check(self, args);
            int mode = self.checkOptionIndex(args, 2, null, BUFFERING);
            try {
                f.setBuffering(mode);
                return LuaValue.TRUE;
            } catch (IOException e) {
                return FileResults.failure(e, null);
            }
        }));

        LuaTable io = new LuaTable();
        LuaValue stdin = handle(new LuaFile(LuaFile.Kind.STANDARD, new StreamDevice(globals.STDIN, null, null), true));
        LuaValue stdout = handle(new LuaFile(LuaFile.Kind.STANDARD, new StreamDevice(null, globals.STDOUT, null), false));
        LuaValue stderr = handle(new LuaFile(LuaFile.Kind.STANDARD, new StreamDevice(null, globals.STDERR, null), false));
        io.set("stdin", stdin);
        io.set("stdout", stdout);
        io.set("stderr", stderr);
        input = stdin;
        output = stdout;
        io.set("open", LemFunction.of("open", (self, args) -> {
            LuaString name = self.checkString(args, 1);
            String mode = self.optString(args, 2, LuaString.valueOf("r")).tojstring();
            if (!validMode(mode)) {
                throw self.argError(2, "invalid mode");
            }
            try {
                return files.open(() -> open(name.tojstring(), mode));
            } catch (IOException e) {
                return FileResults.failure(e, name.tojstring());
            }
        }));
        io.set("close", LemFunction.of("close", (self, args) -> close(args.narg() == 0 ? usable(output) : check(self, args))));
        io.set("read", LemFunction.of("read", (self, args) -> read(self, standard(input, "input"), args, 1)));
        io.set("write", LemFunction.of("write", (self, args) -> write(self, standard(output, "output"), output, args, 1)));
        io.set("flush", LemFunction.of("flush", (self, args) -> flush(standard(output, "output"))));
        io.set("lines", LemFunction.of("lines", (self, args) -> lines(self, args, true)));
        io.set("input", LemFunction.of("input", (self, args) -> input = defaultFile(self, args, input, "r")));
        io.set("output", LemFunction.of("output", (self, args) -> output = defaultFile(self, args, output, "w")));
        io.set("type", LemFunction.of("type", (self, args) -> {
            LuaValue v = self.checkAny(args, 1);
            if (!(v.touserdata() instanceof LuaFile f)) {
                return LuaValue.NIL;
            }
            return LuaValue.valueOf(f.isClosed() ? "closed file" : "file");
        }));
        io.set("tmpfile", LemFunction.of("tmpfile", (self, args) -> {
            try {
                return files.open(() -> {
                    Path path = Files.createTempFile("lua_", null);
                    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            StandardOpenOption.DELETE_ON_CLOSE);
                    return opened(LuaFile.Kind.FILE, new ChannelDevice(channel, true, true, false));
                });
            } catch (IOException e) {
                return FileResults.failure(e, null);
            }
        }));
        io.set("popen", LemFunction.of("popen", (self, args) -> {
            String command = self.checkString(args, 1).tojstring();
            String mode = self.optString(args, 2, LuaString.valueOf("r")).tojstring();
            try {
                return files.open(() -> popen(command, mode));
            } catch (IOException e) {
                return FileResults.failure(e, command);
            }
        }));
        globals.set("io", io);
        globals.get("package").get("loaded").set("io", io);
    }

    private LuaValue handle(LuaFile f) {
        return new LuaUserdata(f, meta);
    }

    private LuaValue opened(LuaFile.Kind kind, Device device) {
        LuaFile f = new LuaFile(kind, device, true);
        LuaValue handle = handle(f);
        files.track(handle, f);
        return handle;
    }

    /** tofile: the open file the first argument must be ("FILE* expected"). */
    private static LuaFile check(LemFunction self, Varargs args) {
        if (!(args.arg1().touserdata() instanceof LuaFile f)) {
            throw self.typeError(args, 1, "FILE*");
        }
        return usable(f);
    }

    private static LuaFile usable(LuaValue handle) {
        return usable((LuaFile) handle.touserdata());
    }

    private static LuaFile usable(LuaFile f) {
        if (f.isClosed()) {
            throw new LuaError("attempt to use a closed file");
        }
        return f;
    }

    /** The default input or output, which must still be open. */
    private static LuaFile standard(LuaValue handle, String which) {
        LuaFile f = (LuaFile) handle.touserdata();
        if (f.isClosed()) {
            throw new LuaError("standard " + which + " file is closed");
        }
        return f;
    }

    /** fopen's modes as Lua 5.2 accepts them: r, w or a, then an optional +, then only b's. */
    private static boolean validMode(String mode) {
        return mode.matches("[rwa]\\+?b*");
    }

    private LuaValue open(String name, String mode) throws IOException {
        boolean plus = mode.indexOf('+') >= 0;
        List<OpenOption> options = new ArrayList<>();
        boolean readable = mode.charAt(0) == 'r' || plus;
        boolean writable = mode.charAt(0) != 'r' || plus;
        if (readable) {
            options.add(StandardOpenOption.READ);
        }
        if (writable) {
            options.add(StandardOpenOption.WRITE);
        }
        switch (mode.charAt(0)) {
            case 'w' -> {
                options.add(StandardOpenOption.CREATE);
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            case 'a' -> {
                options.add(StandardOpenOption.CREATE);
                if (!plus) {
                    options.add(StandardOpenOption.APPEND);
                }
            }
            default -> {
            }
        }
        FileChannel channel = FileChannel.open(Path.of(name), options.toArray(OpenOption[]::new));
        return opened(LuaFile.Kind.FILE, new ChannelDevice(channel, readable, writable, mode.charAt(0) == 'a' && plus));
    }

    private LuaValue popen(String command, String mode) throws IOException {
        if (!mode.equals("r") && !mode.equals("w")) {
            throw OsError.invalidArgument();
        }
        globals.STDOUT.flush();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process;
        Device device;
        if (mode.equals("r")) {
            process = builder.redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            device = new StreamDevice(process.getInputStream(), null, process);
        } else {
            process = builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            device = new StreamDevice(null, process.getOutputStream(), process);
        }
        return opened(LuaFile.Kind.PIPE, device);
    }

    /** opencheckfile: a file the library opens itself, or the error "cannot open file". */
    private LuaValue openOrFail(String name, String mode) {
        try {
            return files.open(() -> open(name, mode));
        } catch (IOException e) {
            throw new LuaError("cannot open file '" + name + "' (" + OsErrors.message(e) + ")");
        }
    }

    /** io.input and io.output: sets the default from a file name or a file, returns it. */
    private LuaValue defaultFile(LemFunction self, Varargs args, LuaValue current, String mode) {
        LuaValue v = args.arg1();
        if (v.isnil()) {
            return current;
        }
        if (v.isstring()) {
            return openOrFail(v.tojstring(), mode);
        }
        check(self, args);
        return v;
    }

    private Varargs close(LuaFile f) {
        if (f.kind == LuaFile.Kind.STANDARD) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("cannot close standard file"));
        }
        try {
            return f.close();
        } catch (IOException e) {
            return FileResults.failure(e, null);
        }
    }

    private static Varargs flush(LuaFile f) {
        try {
            f.flush();
            return LuaValue.TRUE;
        } catch (IOException e) {
            return FileResults.failure(e, null);
        }
    }

    /** g_write: numbers as %.14g, strings as they are; the file, or nil and the error. */
    private static Varargs write(LemFunction self, LuaFile f, LuaValue handle, Varargs args, int first) {
        IOException failure = null;
        for (int i = first; i <= args.narg(); i++) {
            LuaValue v = args.arg(i);
            LuaString s = v.type() == LuaValue.TNUMBER ? LuaString.valueOf(LuaNumbers.toText(v.todouble())) : self.checkString(args, i);
            if (failure == null) {
                try {
                    f.write(s.m_bytes, s.m_offset, s.m_length);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        return failure == null ? handle : FileResults.failure(failure, null);
    }

    /**
     * g_read: one value per format (a line without any), up to the first that fails, which
     * gives nil; an I/O error gives nil, its message and errno instead.
     */
    private static Varargs read(LemFunction self, LuaFile f, Varargs args, int first) {
        try {
            if (args.narg() < first) {
                return orNil(f.readLine(false));
            }
            List<LuaValue> results = new ArrayList<>();
            for (int i = first; i <= args.narg(); i++) {
                LuaValue value = readFormat(self, f, args, i);
                results.add(value);
                if (value.isnil()) {
                    break;
                }
            }
            return LuaValue.varargsOf(results.toArray(LuaValue[]::new));
        } catch (IOException e) {
            return FileResults.failure(e, null);
        }
    }

    private static LuaValue readFormat(LemFunction self, LuaFile f, Varargs args, int i) throws IOException {
        LuaValue format = args.arg(i);
        if (format.type() == LuaValue.TNUMBER) {
            long n = LemFunction.toInteger(format.todouble());
            if (n < 0) { // a size_t too large to allocate
                throw new LuaError("memory allocation error: block too big", 0);
            }
            return n == 0 ? (f.hasMore() ? LuaValue.EMPTYSTRING : LuaValue.NIL) : orNil(f.read(n));
        }
        LuaString p = format.isstring() ? format.strvalue() : null;
        if (p == null || p.length() == 0 || p.luaByte(0) != '*') {
            throw self.argError(i, "invalid option");
        }
        switch (p.length() > 1 ? p.luaByte(1) : 0) {
            case 'n': {
                Double d = NumberScanner.scan(f);
                return d == null ? LuaValue.NIL : LuaValue.valueOf(d);
            }
            case 'l':
                return orNil(f.readLine(false));
            case 'L':
                return orNil(f.readLine(true));
            case 'a':
                return f.readAll();
            default:
                throw self.argError(i, "invalid format");
        }
    }

    private static LuaValue orNil(LuaString s) {
        return s == null ? LuaValue.NIL : s;
    }

    /**
     * io.lines and file:lines: an iterator that reads with the given formats; at the end of a
     * file io.lines opened itself, it closes it.
     */
    private Varargs lines(LemFunction self, Varargs args, boolean byName) {
        boolean closeAtEnd = byName && !args.arg1().isnil();
        LuaValue handle;
        if (closeAtEnd) {
            handle = openOrFail(self.checkString(args, 1).tojstring(), "r");
        } else if (byName) {
            handle = input;
            usable(handle);
        } else {
            check(self, args);
            handle = args.arg1();
        }
        LuaValue[] formats = new LuaValue[Math.max(args.narg() - 1, 0)];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = args.arg(i + 2);
        }
        // the iterator holds the handle, which keeps the file from the collector
        return LemFunction.of("lines", (iterator, ignored) -> {
            LuaFile f = (LuaFile) handle.touserdata();
            if (f.isClosed()) {
                throw new LuaError("file is already closed");
            }
            Varargs r = read(iterator, f, LuaValue.varargsOf(LuaValue.NIL, LuaValue.varargsOf(formats)), 2);
            if (!r.arg1().isnil()) {
                return r;
            }
            if (r.narg() > 1) { // an I/O error: raise its message
                throw new LuaError(r.arg(2).tojstring());
            }
            if (closeAtEnd) {
                try {
                    f.close();
                } catch (IOException e) {
                    // the iteration is over; C ignores this too
                }
            }
            return LuaValue.NONE;
        });
    }
}
