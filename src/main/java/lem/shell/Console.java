package lem.shell;

/**
 * Where the shell's lines come from and its prompts go: a terminal (JLine) or a pipe. Lines are
 * read on a thread of the console's own; everything it reports reaches {@link Shell} through
 * the loop, one line per {@link #prompt}.
 */
interface Console {
    /** Starts reading; the console reports to {@code shell} (through the loop). */
    void start(Shell shell);

    /** Reads the next line, showing {@code prompt} on a terminal. */
    void prompt(String prompt);

    /** Output that arrives while the prompt is shown, printed above it (any thread). */
    void printAbove(String line);

    /** True while a prompt is shown and a line is being typed. */
    boolean isPrompting();

    boolean colour();

    /** A person types at it (prompts, a newline on Ctrl-D), rather than a pipe feeding it. */
    boolean interactive();

    /** Saves history, gives the terminal back. */
    void close();
}
