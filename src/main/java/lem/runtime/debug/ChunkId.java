package lem.runtime.debug;

/** A chunk's name as Lua shows it in messages ({@code short_src}), after luaO_chunkid's rules. */
public final class ChunkId {
    private static final int ID_SIZE = 60;

    private ChunkId() {
    }

    public static String of(String source) {
        if (source == null) {
            return "?";
        }
        int length = source.length();
        if (source.startsWith("=")) {
            return length <= ID_SIZE ? source.substring(1) : source.substring(1, ID_SIZE);
        }
        if (source.startsWith("@")) {
            return length <= ID_SIZE ? source.substring(1) : "..." + source.substring(length - (ID_SIZE - 4));
        }
        int room = ID_SIZE - "[string \"...\"]".length() - 1;
        int newline = source.indexOf('\n');
        if (length < room && newline < 0) {
            return "[string \"" + source + "\"]";
        }
        int keep = Math.min(newline >= 0 ? newline : length, room);
        return "[string \"" + source.substring(0, keep) + "...\"]";
    }
}
