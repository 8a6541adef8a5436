"""Server memory under abuse: RSS of a running `rtfmgym serve` before, during and after
150 clients x 16 makes, 10 requests of 48 MB of nils, and every client leaving.
Usage: /usr/bin/python3 bench/bridge_abuse.py ENDPOINT SERVER_PID SCENARIO_YAML
(start the server with a short --session-timeout, e.g. 5 s; figures in BENCHMARKS.md)."""
import sys
import time

import msgpack
import zmq

ep = sys.argv[1]; pid = sys.argv[2]
def rss(): return int(open(f"/proc/{pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
ctx = zmq.Context()
print("before", rss(), "MiB")
socks = []
codes = {}
yaml = open(sys.argv[3]).read()
for c in range(150):
    s = ctx.socket(zmq.DEALER); s.setsockopt(zmq.RCVTIMEO, 20000); s.connect(ep); socks.append(s)
    for i in range(16):
        s.send(msgpack.packb({"id": i, "op": "make", "scenario_yaml": yaml}))
    for i in range(16):
        r = msgpack.unpackb(s.recv(), raw=False)
        if "error" in r: codes[r["error"]["code"]] = codes.get(r["error"]["code"], 0) + 1
print("after 150 clients x 16 makes", rss(), "MiB", codes)
big = msgpack.packb({"id": 1, "op": "list_scenarios", "nils": [None] * 48_000_000})
codes = {}
for s in socks[:10]:
    s.send(big)
for s in socks[:10]:
    r = msgpack.unpackb(s.recv(), raw=False)
    if "error" in r: codes[r["error"]["code"]] = codes.get(r["error"]["code"], 0) + 1
print("after 10 x 48 MB requests of nils", rss(), "MiB", codes)
for s in socks: s.close(linger=0)
time.sleep(12)
print("12 s after every client left (session timeout 5 s)", rss(), "MiB")
