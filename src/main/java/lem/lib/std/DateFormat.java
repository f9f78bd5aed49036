package lem.lib.std;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;
import lem.lib.LemFunction;
import org.luaj.vm2.LuaString;

/**
 * os.date's text: C's strftime in the C locale, with the conversions Lua 5.2 accepts on POSIX
 * systems (the E and O modifiers change nothing in that locale); any other is an error that
 * quotes the rest of the format, as 5.2 does.
 */
final class DateFormat {
    private static final String SINGLE = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
    private static final String AFTER_E = "cCxXyY";
    private static final String AFTER_O = "deHImMSuUVwWy";
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** The zone's abbreviation at that time (CET or CEST), as tzname[] gives it. */
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private DateFormat() {
    }

    /** The date text of {@code format} (after any '!'); {@code utc} names the zone GMT as gmtime does. */
    static LuaString format(LemFunction self, LuaString format, int start, ZonedDateTime t, boolean utc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = format.m_bytes;
        int end = format.m_offset + format.m_length;
        for (int i = format.m_offset + start; i < end; i++) {
            if (b[i] != '%') {
                out.write(b[i]);
                continue;
            }
            int c = i + 1 < end ? b[i + 1] : 0;
            int next = i + 2 < end ? b[i + 2] : 0;
            char conversion;
            if (c != 0 && SINGLE.indexOf(c) >= 0) {
                conversion = (char) c;
                i += 1;
            } else if ((c == 'E' && next != 0 && AFTER_E.indexOf(next) >= 0) || (c == 'O' && next != 0 && AFTER_O.indexOf(next) >= 0)) {
                conversion = (char) next;
                i += 2;
            } else {
                String rest = new String(b, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
                throw self.argError(1, "invalid conversion specifier '%" + rest + "'");
            }
            out.writeBytes(convert(conversion, t, utc).getBytes(StandardCharsets.ISO_8859_1));
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static String convert(char conversion, ZonedDateTime t, boolean utc) {
        int year = t.getYear();
        int wday = t.getDayOfWeek().getValue() % 7; // Sunday is 0
        int yday = t.getDayOfYear() - 1;
        return switch (conversion) {
            case 'a' -> DAYS[wday].substring(0, 3);
            case 'A' -> DAYS[wday];
            case 'b', 'h' -> MONTHS[t.getMonthValue() - 1].substring(0, 3);
            case 'B' -> MONTHS[t.getMonthValue() - 1];
            case 'c' -> convert('a', t, utc) + " " + convert('b', t, utc) + " " + convert('e', t, utc) + " "
                    + convert('T', t, utc) + " " + year;
            case 'C' -> two(Math.floorDiv(year, 100));
            case 'd' -> two(t.getDayOfMonth());
            case 'D', 'x' -> two(t.getMonthValue()) + "/" + two(t.getDayOfMonth()) + "/" + two(Math.floorMod(year, 100));
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'F' -> year + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth());
            case 'g' -> two(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100));
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(t.getHour());
            case 'I' -> two((t.getHour() + 11) % 12 + 1);
            case 'j' -> String.format("%03d", yday + 1);
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'r' -> convert('I', t, utc) + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + " " + convert('p', t, utc);
            case 'R' -> two(t.getHour()) + ":" + two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T', 'X' -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'U' -> two((yday + 7 - wday) / 7);
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> Integer.toString(wday);
            case 'W' -> two((yday + 7 - (wday + 6) % 7) / 7);
            case 'y' -> two(Math.floorMod(year, 100));
            case 'Y' -> Integer.toString(year);
            case 'z' -> offset(t.get(ChronoField.OFFSET_SECONDS));
            case 'Z' -> utc ? "GMT" : ZONE_NAME.format(t);
            default -> "%";
        };
    }

    private static String two(int n) {
        return n < 10 && n >= 0 ? "0" + n : Integer.toString(n);
    }

    /** +hhmm */
    private static String offset(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
    }
}
