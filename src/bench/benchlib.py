"""What the Python benchmarks in this folder share: where ../shared/bench is, and waiting for a
server to listen."""
import os
import socket
import time

BENCH = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'bench')


def wait_port(port, proc, seconds=30.0):
    """Returns once something accepts on 127.0.0.1:port; raises if proc exits or time runs out."""
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            raise RuntimeError(f'server exited with status {proc.returncode}')
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f'nothing listens on 127.0.0.1:{port}')
