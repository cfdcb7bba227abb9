#!/usr/bin/env bash
# Side-by-side benchmark against ns-3 on the reference dumbbell (../shared/anchors/ns3/):
# builds the ns-3 scenario (Debian's libns3-dev, installed if missing) and Sockeye, runs both for
# each flow count in turn on this machine, and prints one table row per tool and flow count:
# goodput, data segments delivered, wall time of the simulation loop, segments per wall-second,
# whole-process wall time and peak memory.
#
#   scripts/bench-ns3.sh            # 2 and 16 flows, 60 s simulated
#   FLOWS="2" DURATION=20 scripts/bench-ns3.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
anchor="${NS3_ANCHOR:-$root/../shared/anchors/ns3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flows_list="${FLOWS:-2 16}"
duration="${DURATION:-60}"

if ! pkg-config --exists ns3-core 2>/dev/null; then
  echo "installing ns-3 (Debian libns3-dev) ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libns3-dev libgsl-dev g++ pkg-config >/dev/null
fi
cp "$anchor/dumbbell.cc" "$anchor/build.sh" "$work/"
(cd "$work" && bash build.sh >/dev/null)
"$root/scripts/sockeye" --version >/dev/null   # builds the jar if needed

printf '%-8s %5s %14s %12s %10s %14s %10s %9s\n' tool flows goodput_mbps segments run_s segs_per_s process_s peak_mb
for n in $flows_list; do
  /usr/bin/time -f '%e %M' -o "$work/ns3.time" "$work/dumbbell" --flows="$n" --duration="$duration" \
    --cwndFile="$work/cwnd.csv" > "$work/ns3.out"
  read -r pwall pmem < "$work/ns3.time"
  awk -v n="$n" -v pwall="$pwall" -v pmem="$pmem" '
    /^total_goodput_mbps/ {g=$2} /^data_segments_delivered/ {s=$2} /^wall_s/ {w=$2} /^segments_per_wall_s/ {r=$2}
    END {printf "%-8s %5d %14.2f %12d %10.2f %14.0f %10.2f %9.0f\n", "ns-3", n, g, s, w, r, pwall, pmem/1024}' "$work/ns3.out"

  /usr/bin/time -f '%e %M' -o "$work/sk.time" java -Djava.awt.headless=true -jar "$root/emulator/target/sockeye.jar" \
    run "$root/topologies/dumbbell-ns3.yaml" --set "parameters.flows=$n" --set "duration=${duration}s" \
    --set "record.charts=none" -o "$work/sockeye" -q
  read -r swall smem < "$work/sk.time"
  python3 - "$work/sockeye" "$n" "$duration" "$swall" "$smem" <<'PY'
import csv, json, sys
d, n, dur, pwall, pmem = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
rows = [r for r in csv.DictReader(open(d + "/flows.csv")) if r["protocol"] == "tcp"]
total = sum(int(r["bytes"]) for r in rows)
wall = json.load(open(d + "/run.json"))["wall_s"]
segs = total // 1448
print("%-8s %5d %14.2f %12d %10.2f %14.0f %10.2f %9.0f" % ("sockeye", n, total * 8 / dur / 1e6, segs, wall, segs / wall, pwall, pmem / 1024))
PY
done
