package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** completions/lem.bash, run by bash: what it offers for a partly typed command line. */
class CompletionsIT {
    @TempDir
    Path dir;

    private String complete(String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('\'').append(w).append("' ");
        }
        String script = "source '" + LemProcess.root().resolve("completions/lem.bash") + "'\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1) + "\n_lem\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort\n";
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.strip();
    }

    @Test
    void optionsModulesAndScripts() throws Exception {
        Files.writeString(dir.resolve("server.lua"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertEquals("-\n--\n--build\n--java-home\n-E\n-e\n-i\n-l\n-v", complete("lem", "-"));
        assertEquals("lem.io\nlem.io.queue", complete("lem", "-l", "lem.io"));
        assertEquals("server.lua", complete("lem", "s"));
        // after the script, its arguments are any files
        assertEquals("notes.txt", complete("lem", "server.lua", "n"));
    }
}
