package lem.lib.std;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import lem.lib.LemFunction;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's {@code os} library but {@code exit}, which the runtime owns: dates as C's
 * gmtime/localtime/strftime/mktime give them, files removed and renamed with C's results,
 * commands run by the shell.
 */
public final class OsLib {
    private OsLib() {
    }

    public static void install(Globals globals) {
        LuaTable os = new LuaTable();
        globals.set("os", os);
        globals.get("package").get("loaded").set("os", os);
        long start = System.nanoTime();
        // elapsed time, as LuaJ gave it (C's clock() counts CPU time, which a JVM spends on other threads too)
        os.set("clock", LemFunction.of("clock", (self, args) -> LuaValue.valueOf((System.nanoTime() - start) / 1e9)));
        os.set("time", LemFunction.of("time", (self, args) -> args.arg1().isnil()
                ? LuaValue.valueOf((double) Math.floorDiv(System.currentTimeMillis(), 1000))
                : time(self, args)));
        os.set("date", LemFunction.of("date", OsLib::date));
        os.set("difftime", LemFunction.of("difftime", (self, args) -> {
            long t1 = (long) self.checkNumber(args, 1);
            long t2 = args.arg(2).isnil() ? 0 : (long) self.checkNumber(args, 2);
            return LuaValue.valueOf((double) (t1 - t2));
        }));
        os.set("getenv", LemFunction.of("getenv", (self, args) -> {
            String value = System.getenv(self.checkString(args, 1).tojstring());
            return value == null ? LuaValue.NIL : LuaValue.valueOf(value);
        }));
        os.set("remove", LemFunction.of("remove", (self, args) -> {
            String name = self.checkString(args, 1).tojstring();
            try {
                Files.delete(Path.of(name));
                return LuaValue.TRUE;
            } catch (IOException e) {
                return FileResults.failure(e, name);
            }
        }));
        os.set("rename", LemFunction.of("rename", (self, args) -> {
            Path from = Path.of(self.checkString(args, 1).tojstring());
            Path to = Path.of(self.checkString(args, 2).tojstring());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                return LuaValue.TRUE;
            } catch (IOException e) {
                return FileResults.failure(e, null);
            }
        }));
        os.set("tmpname", LemFunction.of("tmpname", (self, args) -> {
            try {
                return LuaValue.valueOf(Files.createTempFile(Path.of("/tmp"), "lua_", "").toString());
            } catch (IOException e) {
                throw new LuaError("unable to generate a unique filename");
            }
        }));
        os.set("execute", LemFunction.of("execute", (self, args) -> {
            if (args.arg1().isnil()) {
                return LuaValue.TRUE; // a shell is available
            }
            String command = self.checkString(args, 1).tojstring();
            globals.STDOUT.flush();
            globals.STDERR.flush();
            try {
                return ProcessStatus.of(new ProcessBuilder("/bin/sh", "-c", command).inheritIO().start());
            } catch (IOException e) {
                return FileResults.failure(e, null);
            }
        }));
        os.set("setlocale", new SetLocale());
    }

    private static Varargs date(LemFunction self, Varargs args) {
        LuaString format = self.optString(args, 1, LuaString.valueOf("%c"));
        long seconds = args.arg(2).isnil() ? Math.floorDiv(System.currentTimeMillis(), 1000) : (long) self.checkNumber(args, 2);
        boolean utc = format.length() > 0 && format.luaByte(0) == '!';
        ZonedDateTime t;
        try {
            t = Instant.ofEpochSecond(seconds).atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
        } catch (DateTimeException e) {
            return LuaValue.NIL; // gmtime and localtime fail too
        }
        int start = utc ? 1 : 0;
        if (format.length() - start == 2 && format.luaByte(start) == '*' && format.luaByte(start + 1) == 't') {
            LuaTable fields = new LuaTable();
            fields.set("sec", t.getSecond());
            fields.set("min", t.getMinute());
            fields.set("hour", t.getHour());
            fields.set("day", t.getDayOfMonth());
            fields.set("month", t.getMonthValue());
            fields.set("year", t.getYear());
            fields.set("wday", t.getDayOfWeek().getValue() % 7 + 1);
            fields.set("yday", t.getDayOfYear());
            fields.set("isdst", LuaValue.valueOf(!utc && t.getZone().getRules().isDaylightSavings(t.toInstant())));
            return fields;
        }
        return DateFormat.format(self, format, start, t, utc);
    }

    /** os.time(table): mktime, which normalises the fields and reads them as local time. */
    private static Varargs time(LemFunction self, Varargs args) {
        LuaTable fields = self.checkTable(args, 1);
        int sec = field(fields, "sec", 0);
        int min = field(fields, "min", 0);
        int hour = field(fields, "hour", 12);
        int day = field(fields, "day", -1);
        int month = field(fields, "month", -1);
        int year = field(fields, "year", -1);
        LuaValue isdst = fields.get("isdst");
        try {
            LocalDateTime local = LocalDateTime.of(year, 1, 1, 0, 0).plusMonths(month - 1L).plusDays(day - 1L)
                    .plusHours(hour).plusMinutes(min).plusSeconds(sec);
            // a time that occurs twice (when clocks go back) is read as standard time, as glibc does
            ZonedDateTime t = ZonedDateTime.ofLocal(local, ZoneId.systemDefault(), null).withLaterOffsetAtOverlap();
            long seconds = t.toEpochSecond();
            if (!isdst.isnil()) {
                // the caller says whether daylight saving time applies; mktime believes it, even in UTC
                boolean inDst = t.getZone().getRules().isDaylightSavings(t.toInstant());
                if (isdst.toboolean() != inDst) {
                    seconds += inDst ? 3600 : -3600;
                }
            }
            // mktime's result -1 is its error value, which Lua reports as nil
            return seconds == -1 ? LuaValue.NIL : LuaValue.valueOf((double) seconds);
        } catch (DateTimeException | ArithmeticException e) {
            return LuaValue.NIL;
        }
    }

    /** A field of os.time's table as an int; a missing one takes {@code def}, or is an error if none. */
    private static int field(LuaTable fields, String key, int def) {
        LuaValue v = fields.get(key).tonumber();
        if (v.isnil()) {
            if (def < 0) {
                throw new LuaError("field '" + key + "' missing in date table");
            }
            return def;
        }
        return (int) LemFunction.toInteger(v.todouble());
    }
}
