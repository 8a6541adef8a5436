#!/usr/bin/env bash
# Prints one closing line, "N passed, N failed, N skipped", over every .trx file in $1
# plus PY_PASSED / PY_FAILED from the Python client tests. Failed tests are named above
# that line, with the first lines of their messages, so a log's tail says what broke.
set -euo pipefail
dir="$1"; p=${PY_PASSED:-0}; f=${PY_FAILED:-0}; s=0
shopt -s nullglob
for trx in "$dir"/*.trx; do
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  p=$((p + $(get passed))); f=$((f + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  s=$((s + $(get total) - $(get executed)))
done
if (( f > 0 )) && command -v python3 >/dev/null; then
  python3 - "$dir" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") in ("Passed", "NotExecuted"):
            continue
        msg = r.find(".//t:Message", ns)
        text = (msg.text or "").strip().splitlines() if msg is not None else []
        print(f"FAILED {r.get('testName')} ({r.get('duration')})")
        for l in text[:6]:
            print("   " + l)
PY
fi
echo "$p passed, $f failed, $s skipped"
