#!/usr/bin/env python3
"""Shell benchmarks on a real pseudo-terminal: start to prompt, chunk round trip, background output.

usage: python3 src/bench/shell.py [LEM=./lem] [--starts 7] [--trips 300] [--lines 3000]

- start: from spawning `lem` (no script, on a pty) to its prompt on the screen; median of --starts.
- round trip: `1+1` + Enter written to the terminal until `2` comes back; median and 90th
  percentile of --trips, after 50 unmeasured ones (JIT warm-up, as a person's first seconds).
- background output: a task prints --lines numbered lines at 1,000 per second above the prompt
  while the prompt waits; counts the distinct lines that reached the terminal.
The shell's history goes to a temporary file, so ~/.lem_history is left alone.
"""
import argparse
import fcntl
import os
import pty
import re
import select
import shlex
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

PROMPT = b'> '


class Pty:
    """`lem` on a pseudo-terminal of 200x50, with everything it prints kept in `seen`."""

    def __init__(self, cmd, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(cmd[0], cmd, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 200, 0, 0))
        os.set_blocking(self.fd, False)
        self.seen = b''

    def write(self, data):
        os.write(self.fd, data)

    def wait_for(self, pattern, since, seconds=10.0):
        """Reads until `pattern` (a bytes regex) matches output after offset `since`."""
        end = time.perf_counter() + seconds
        while True:
            m = re.search(pattern, self.seen[since:])
            if m:
                return since + m.end()
            left = end - time.perf_counter()
            if left <= 0:
                tail = self.seen[-300:]
                raise TimeoutError(f'no {pattern!r} within {seconds}s; last output: {tail!r}')
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:  # the child ended
                    raise TimeoutError(f'lem ended; last output: {self.seen[-300:]!r}')

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):  # already ended and reaped
            pass
        os.close(self.fd)


def environment(history):
    env = dict(os.environ, TERM='xterm-256color', LEM_HISTORY=history, COLUMNS='200', LINES='50')
    return env


def warm_up(cmd, env):
    """Two shells that end with Ctrl-D: after a build, the first records the classes a shell loads
    and the second has the launcher create the class cache from that, in the background."""
    for _ in range(2):
        first_session(cmd, env)
    target = os.path.join(os.path.dirname(cmd[0]), 'target')
    end = time.perf_counter() + 60
    while time.perf_counter() < end and any(n.endswith('.creating') for n in os.listdir(target)):
        time.sleep(0.2)


def first_session(cmd, env):
    """A shell that ends with Ctrl-D."""
    p = Pty(cmd, env)
    try:
        p.wait_for(re.escape(PROMPT), 0, 300)
        p.write(b'\x04')
        end = time.perf_counter() + 60
        while time.perf_counter() < end and os.waitpid(p.pid, os.WNOHANG) == (0, 0):
            time.sleep(0.05)
    finally:
        p.close()


def start_times(cmd, env, n):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        p = Pty(cmd, env)
        try:
            p.wait_for(re.escape(PROMPT), 0, 30)
            times.append(time.perf_counter() - t0)
        finally:
            p.close()
    return times


def round_trips(cmd, env, n, warm=50):
    p = Pty(cmd, env)
    try:
        pos = p.wait_for(re.escape(PROMPT), 0, 30)
        times = []
        for i in range(warm + n):
            t0 = time.perf_counter()
            p.write(b'%d+1\r' % i)
            # JLine ends the edited line by turning bracketed paste off; the answer follows
            pos = p.wait_for(rb'\?2004l(?:\x1b\[[0-9;]*m)*%d\b' % (i + 1), pos)
            if i >= warm:
                times.append(time.perf_counter() - t0)
            pos = p.wait_for(re.escape(PROMPT), pos)
        return times
    finally:
        p.close()


def background_lines(cmd, env, lines):
    p = Pty(cmd, env)
    try:
        pos = p.wait_for(re.escape(PROMPT), 0, 30)
        chunk = ("utils = require 'lem.utils'; utils.spawn(function() local s = utils.newsleeper() "
                 "for i = 1, %d do print('bg-line-' .. i) if i %% 10 == 0 then s:sleep(0.01) end end "
                 "print('bg-done') end)\r" % lines)
        p.write(chunk.encode())
        p.wait_for(rb'bg-done', pos, lines / 1000 * 3 + 10)
        time.sleep(0.2)
        p.write(b'x = 42')  # a half-typed line while output flows is checked by ShellTerminalIT
        found = set(int(m) for m in re.findall(rb'bg-line-(\d+)\r?\n', p.seen[pos:]))
        return len(found)
    finally:
        p.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('lem', nargs='?', default='./lem')
    ap.add_argument('--starts', type=int, default=7)
    ap.add_argument('--trips', type=int, default=300)
    ap.add_argument('--lines', type=int, default=3000)
    args = ap.parse_args()
    cmd = shlex.split(args.lem)
    cmd[0] = os.path.abspath(cmd[0]) if os.path.exists(cmd[0]) else cmd[0]
    with tempfile.TemporaryDirectory() as tmp:
        env = environment(os.path.join(tmp, 'history'))
        warm_up(cmd, env)
        starts = start_times(cmd, env, args.starts)
        print(f'start to prompt: median {statistics.median(starts) * 1000:.0f} ms '
              f'(min {min(starts) * 1000:.0f}, max {max(starts) * 1000:.0f}, {len(starts)} starts)', flush=True)
        trips = round_trips(cmd, env, args.trips)
        q = statistics.quantiles(trips, n=10)
        print(f'chunk round trip (1+1 to 2): median {statistics.median(trips) * 1000:.2f} ms, '
              f'p90 {q[-1] * 1000:.2f} ms ({len(trips)} trips)', flush=True)
        got = background_lines(cmd, env, args.lines)
        print(f'background output at 1,000 lines/s: {got} of {args.lines} lines reached the terminal')
    return 0


if __name__ == '__main__':
    sys.exit(main())
