package lem;

import java.util.ArrayList;
import java.util.List;

/** The command line, parsed the way Lua 5.2's {@code lua} parses its own. */
final class CommandLine {
    /** An {@code -e chunk} or {@code -l module} option, in command-line order. */
    record Action(boolean isChunk, String text) {
    }

    /** A command line that cannot be run: the message names what is wrong. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    final String progname;
    final String[] argv;
    final List<Action> actions = new ArrayList<>();
    boolean interactive;
    boolean version;
    boolean ignoreEnvironment;
    /** Index in argv of the script ("-" for stdin), or -1 when there is none. */
    int scriptIndex = -1;

    private CommandLine(String progname, String[] argv) {
        this.progname = progname;
        this.argv = argv;
    }

    static CommandLine parse(String progname, String[] argv) throws UsageError {
        CommandLine cl = new CommandLine(progname, argv);
        int i = 0;
        for (; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("-")) {
                cl.scriptIndex = i;
                return cl;
            }
            switch (a.length() > 1 ? a.charAt(1) : ' ') {
                case ' ' -> {
                    cl.scriptIndex = i; // "-": the script comes from stdin
                    return cl;
                }
                case '-' -> {
                    if (a.length() != 2) {
                        throw new UsageError("unrecognized option '" + a + "'");
                    }
                    cl.scriptIndex = i + 1 < argv.length ? i + 1 : -1;
                    return cl;
                }
                case 'i' -> {
                    requireAlone(a);
                    cl.interactive = true;
                    cl.version = true;
                }
                case 'v' -> {
                    requireAlone(a);
                    cl.version = true;
                }
                case 'E' -> {
                    requireAlone(a);
                    cl.ignoreEnvironment = true;
                }
                case 'e', 'l' -> {
                    String value = a.substring(2);
                    if (value.isEmpty()) {
                        if (++i >= argv.length || argv[i].startsWith("-")) {
                            throw new UsageError("'" + a + "' needs argument");
                        }
                        value = argv[i];
                    }
                    cl.actions.add(new Action(a.charAt(1) == 'e', value));
                }
                default -> throw new UsageError("unrecognized option '" + a + "'");
            }
        }
        return cl;
    }

    private static void requireAlone(String option) throws UsageError {
        if (option.length() != 2) {
            throw new UsageError("unrecognized option '" + option + "'");
        }
    }

    boolean hasScript() {
        return scriptIndex >= 0;
    }

    boolean hasChunks() {
        return actions.stream().anyMatch(Action::isChunk);
    }

    /** Like lua: without a script, stdin runs (the shell) unless -e or -v said what to do. */
    boolean readsStdin() {
        return !hasScript() && !hasChunks() && !version;
    }

    static String usage(String progname) {
        return "usage: " + progname + " [options] [script [args]]\n"
                + "Available options are:\n"
                + "  -e stat  execute string 'stat'\n"
                + "  -i       enter interactive mode after executing 'script'\n"
                + "  -l name  require library 'name'\n"
                + "  -v       show version information\n"
                + "  -E       ignore environment variables\n"
                + "  --       stop handling options\n"
                + "  -        stop handling options and execute stdin\n";
    }
}
