package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One lem process reads its stdin (a pipe from the test) and a FIFO at the same time, from two
 * coroutines, while a timer ticks. The test feeds the two sides in turn and waits for each line
 * to come out, so the order is fixed; between the steps it waits for a tick, which the loop can
 * only fire if neither pending read holds it.
 */
class StdinAndFifoIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Pattern TICK = Pattern.compile("(?m)^tick (\\d+)$");

    @TempDir
    Path tmp;

    private static final String SCRIPT = """
            local io = require 'lem.io'
            local utils = require 'lem.utils'
            local fifo = assert(io.open(arg[1], 'r'))   -- waits on the pool until the test opens it to write
            local ended = 0
            local function reader(name, stream)
              utils.spawn(function()
                for line in stream:lines() do print(name .. ': ' .. line) end
                print(name .. ' ended')
                ended = ended + 1
              end)
            end
            reader('stdin', io.stdin)
            reader('fifo', fifo)
            utils.spawn(function()
              local sleeper, n = utils.newsleeper(), 0
              while ended < 2 and n < 1000 do   -- at most 50 s of ticks
                sleeper:sleep(0.05)
                n = n + 1
                print('tick ' .. n)
              end
            end)
            print('ready')
            """;

    @Test
    void linesFromStdinAndAFifoReachTheirOwnReadersWhileATimerTicks() throws Exception {
        Path fifo = tmp.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        Path script = LemProcess.script(tmp, "multiplex.lua", SCRIPT);
        try (LemProcess.Running lem = LemProcess.lem(script.toString(), fifo.toString()).stdinOpen().timeout(LIMIT).start()) {
            assertTimeoutPreemptively(LIMIT, () -> {
                try (OutputStream toFifo = new FileOutputStream(fifo.toFile())) { // waits for lem's open
                    lem.awaitOutput("ready\n");
                    aTickPasses(lem);
                    step(lem, () -> lem.send("a1\n"), "stdin: a1");
                    step(lem, () -> write(toFifo, "b1\n"), "fifo: b1");
                    step(lem, () -> write(toFifo, "b2\n"), "fifo: b2");
                    step(lem, () -> lem.send("a2\n"), "stdin: a2");
                    // half a line on stdin: its reader keeps waiting, the FIFO's reader is not held up
                    lem.send("a3 begun");
                    step(lem, () -> write(toFifo, "b3\n"), "fifo: b3");
                    step(lem, () -> lem.send(", a3 ended\n"), "stdin: a3 begun, a3 ended");
                }
                lem.awaitOutput("fifo ended\n");
                aTickPasses(lem);
                lem.closeStdin();
                lem.awaitOutput("stdin ended\n");
            });
            LemProcess.Result r = lem.finish();
            assertEquals(0, r.exitCode(), r::toString);
            List<String> withoutTicks = r.lines().stream().filter(line -> !TICK.matcher(line).matches()).toList();
            assertEquals(List.of("ready", "stdin: a1", "fifo: b1", "fifo: b2", "stdin: a2", "fifo: b3",
                    "stdin: a3 begun, a3 ended", "fifo ended", "stdin ended"), withoutTicks, r::toString);
        }
    }

    /** Does {@code action}, waits for {@code line} on lem's stdout, then for a tick while both readers wait again. */
    private static void step(LemProcess.Running lem, Action action, String line) throws Exception {
        action.run();
        lem.awaitOutput(line + "\n");
        aTickPasses(lem);
    }

    /** Waits until lem prints a tick after those printed so far. */
    private static void aTickPasses(LemProcess.Running lem) {
        Matcher m = TICK.matcher(lem.stdoutSoFar());
        int last = 0;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        lem.awaitOutput("tick " + (last + 1) + "\n");
    }

    private static void write(OutputStream fifo, String text) throws Exception {
        fifo.write(text.getBytes(StandardCharsets.UTF_8));
        fifo.flush();
    }

    private interface Action {
        void run() throws Exception;
    }
}
