#!/usr/bin/env python3
"""RSS of lem's HTTP hello server under a long wrk run: is it steady or does it grow?

usage: python3 src/bench/http-rss.py [LEM=./lem] [--seconds 60] [--every 5] [--port 18180]

Starts ../shared/bench/http-hello.lua (the server compare.py measures), runs wrk -t2 -c64 for
--seconds, and prints the server's RSS (VmRSS) every --every seconds, with requests per second
and the change of RSS over the second half of the run (growth there would be a leak, while the
first half includes the heap finding its size). Needs wrk.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import time

from benchlib import BENCH, wait_port



def rss_mb(pid):
    with open(f'/proc/{pid}/status') as f:
        return int(re.search(r'VmRSS:\s*(\d+)', f.read()).group(1)) / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('lem', nargs='?', default='./lem')
    ap.add_argument('--seconds', type=int, default=60)
    ap.add_argument('--every', type=int, default=5)
    ap.add_argument('--port', type=int, default=18180)
    args = ap.parse_args()
    cmd = shlex.split(args.lem)
    cmd[0] = os.path.abspath(cmd[0]) if os.path.exists(cmd[0]) else cmd[0]
    bench = os.path.abspath(BENCH)
    server = subprocess.Popen(cmd + ['http-hello.lua', str(args.port), 'server', str(args.seconds + 30)],
                              cwd=bench, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(args.port, server)
        wrk = subprocess.Popen(['wrk', '-t2', '-c64', f'-d{args.seconds}s', f'http://127.0.0.1:{args.port}/'],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        samples = []
        t0 = time.time()
        while wrk.poll() is None and time.time() - t0 < args.seconds + 30:
            time.sleep(args.every)
            if wrk.poll() is None:
                samples.append((time.time() - t0, rss_mb(server.pid)))
                print(f'{samples[-1][0]:5.0f} s  RSS {samples[-1][1]:7.1f} MB', flush=True)
        out = wrk.communicate(timeout=30)[0]
        m = re.search(r'Requests/sec:\s*([\d.]+)', out)
        print('wrk:', f'{float(m.group(1)):.0f} req/s' if m else out.strip()[-300:])
        half = [mb for t, mb in samples if t >= args.seconds / 2]
        if half:
            print(f'second half: RSS {half[0]:.1f} -> {half[-1]:.1f} MB (min {min(half):.1f}, max {max(half):.1f}); '
                  f'peak over the run {max(mb for _, mb in samples):.1f} MB')
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == '__main__':
    sys.exit(main())
