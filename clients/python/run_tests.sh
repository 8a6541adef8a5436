#!/usr/bin/env bash
# Python client tests against a live `rtfmgym serve` (started and stopped by run_tests.py).
# Uses Debian's /usr/bin/python3 with python3-zmq, python3-msgpack and python3-numpy.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec /usr/bin/python3 run_tests.py "$@"
