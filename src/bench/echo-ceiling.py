#!/usr/bin/env python3
"""How fast can any server answer the echo benchmark's client here? The ceiling next to lem.

usage: python3 src/bench/echo-ceiling.py [LEM=./lem] [--rounds 3] [--round-trips 4000]

compare.py's echo case drives each server with one Node process (../shared/bench/echo.js: 64
connections, 64-byte lines). On a 2-core machine that client is itself a bottleneck. This runs,
in turn and for several rounds: a minimal C epoll server (echo-ceiling.c, built with cc into a
temporary folder) blocking in epoll_wait, the same server polling without blocking, Node's echo
server and lem's; for each it prints the round trips per second and how busy the client and the
server were (share of one core) and their CPU time per round trip. Needs cc and node.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import BENCH, wait_port

HERE = os.path.dirname(os.path.abspath(__file__))
TICK = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid):
    """User plus system time of a process and its threads (children it waited for included)."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def server_pid(proc):
    """lem's launcher runs java in a child process; everything else is its own server."""
    try:
        children = open(f'/proc/{proc.pid}/task/{proc.pid}/children').read().split()
    except OSError:
        children = []
    return int(children[0]) if children else proc.pid


def measure(command, port, round_trips):
    server = subprocess.Popen(command, cwd=BENCH, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, server)
        spid = server_pid(server)
        subprocess.run(['node', 'echo.js', 'client', str(port), '64', '1000'], cwd=BENCH,
                       capture_output=True, timeout=120)  # warm-up
        client = subprocess.Popen(['node', 'echo.js', 'client', str(port), '64', str(round_trips)],
                                  cwd=BENCH, stdout=subprocess.PIPE, text=True)
        time.sleep(0.3)
        s0, c0, t0 = cpu_seconds(spid), cpu_seconds(client.pid), time.time()
        time.sleep(1.0)
        s1, c1, t1 = cpu_seconds(spid), cpu_seconds(client.pid), time.time()
        out = client.communicate(timeout=120)[0]
        rate = float(out.split('rate=')[1].split()[0])
        window = t1 - t0
        return rate, (s1 - s0) / window, (c1 - c0) / window
    finally:
        server.kill()
        server.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('lem', nargs='?', default=os.path.join(HERE, '..', '..', 'lem'))
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--round-trips', type=int, default=4000, help='per connection, per measured run')
    args = ap.parse_args()
    lem = shlex.split(args.lem)
    lem[0] = os.path.abspath(lem[0])
    with tempfile.TemporaryDirectory() as tmp:
        binary = os.path.join(tmp, 'echo-ceiling')
        subprocess.run(['cc', '-O2', '-o', binary, os.path.join(HERE, 'echo-ceiling.c')], check=True)
        servers = {
            'C, blocking epoll': lambda port: [binary, str(port)],
            'C, busy polling': lambda port: [binary, str(port), '1'],
            'node': lambda port: ['node', 'echo.js', 'server', str(port), '300'],
            'lem': lambda port: lem + ['echo.lua', 'server', str(port), '300'],
        }
        results = {name: [] for name in servers}
        port = 19200
        for round_number in range(1, args.rounds + 1):
            for name, command in servers.items():
                port += 1
                rate, server_busy, client_busy = measure(command(port), port, args.round_trips)
                results[name].append(rate)
                print(f'round {round_number}  {name:18s} {rate / 1000:6.1f} k rt/s   server {server_busy:4.0%} '
                      f'({server_busy / rate * 1e6:5.1f} us/rt)   client {client_busy:4.0%} '
                      f'({client_busy / rate * 1e6:5.1f} us/rt)', flush=True)
        node = statistics.median(results['node'])
        print()
        for name, rates in results.items():
            median = statistics.median(rates)
            print(f'{name:18s} median {median / 1000:6.1f} k rt/s   {median / node:4.2f} x node')


if __name__ == '__main__':
    sys.exit(main())
