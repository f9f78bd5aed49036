package lem.lib.io;

/** Socket failures as the host's strerror() text, which is what lem's API returns. */
final class IoErrors {
    private IoErrors() {
    }

    /** "Connection refused" out of "connect(..) failed: Connection refused" and the like. */
    static String text(Throwable cause) {
        if (cause instanceof java.io.FileNotFoundException) {
            return "No such file or directory";
        }
        String message = cause.getMessage();
        if (message == null) {
            return cause.getClass().getSimpleName();
        }
        int colon = message.lastIndexOf(": ");
        String text = colon >= 0 ? message.substring(colon + 2) : message;
        return switch (text) {
            case "Connection reset" -> "Connection reset by peer";
            case "Broken pipe (Write failed)" -> "Broken pipe";
            default -> text;
        };
    }

    /** The other end went away: lem reports these as 'closed'. */
    static boolean isPeerGone(String text) {
        return text.equals("Connection reset by peer") || text.equals("Broken pipe");
    }
}
