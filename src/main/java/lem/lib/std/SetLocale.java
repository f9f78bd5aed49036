package lem.lib.std;

import java.util.Map;
import lem.lib.LemFunction;
import org.luaj.vm2.Varargs;

/**
 * os.setlocale. lem formats numbers and dates as the C locale does, so only locales that
 * behave like it can be set (C, POSIX, C.UTF-8); any other fails with nil, as an unknown
 * locale does in C. "" picks the locale the environment names (LC_ALL, LC_category, LANG).
 */
final class SetLocale extends LemFunction {
    private static final String[] CATEGORIES = {"all", "collate", "ctype", "monetary", "numeric", "time"};
    private static final Map<String, String> VARIABLES = Map.of("collate", "LC_COLLATE", "ctype", "LC_CTYPE",
            "monetary", "LC_MONETARY", "numeric", "LC_NUMERIC", "time", "LC_TIME");

    /** The locale set last, for every category alike. */
    private String current = "C";

    SetLocale() {
        super("setlocale");
    }

    @Override
    public Varargs invoke(Varargs args) {
        String category = checkOption(args, 2, "all", CATEGORIES);
        if (args.arg1().isnil()) {
            return valueOf(current);
        }
        String name = checkString(args, 1).tojstring();
        if (name.isEmpty()) {
            name = fromEnvironment(category);
        }
        if (!behavesLikeC(name)) {
            return NIL;
        }
        current = name;
        return valueOf(name);
    }

    private static String fromEnvironment(String category) {
        for (String variable : new String[] {"LC_ALL", VARIABLES.get(category), "LANG"}) {
            String value = variable == null ? null : System.getenv(variable);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "C";
    }

    private static boolean behavesLikeC(String name) {
        return name.equals("C") || name.equals("POSIX") || name.equalsIgnoreCase("C.UTF-8") || name.equalsIgnoreCase("C.utf8");
    }
}
