#!/usr/bin/env bash
# Side-by-side benchmark against ns-3 on the reference dumbbell (../shared/anchors/ns3/):
# builds the ns-3 scenario (Debian's libns3-dev, installed if missing) and Sockeye, runs both for
# each flow count in turn on this machine, and prints one table row per tool and flow count:
# goodput, data segments delivered, wall time of the simulation loop, segments per wall-second,
# whole-process wall time and peak memory.
#
#   scripts/bench-ns3.sh            # 2 and 16 flows, 60 s simulated
#   FLOWS="2" DURATION=20 scripts/bench-ns3.sh
#   QUEUE=droptail scripts/bench-ns3.sh
#
# QUEUE=default runs the shared script as it is: its Ipv4AddressHelper::Assign silently installs
# ns-3's default FqCoDel queue discipline on every device, the bottleneck included. QUEUE=droptail
# removes it from the bottleneck (one line added after the bottleneck's Assign). Sockeye runs the
# matching experiment: topologies/dumbbell-ns3-fqcodel.yaml (FqCoDel above each device queue) for
# the default, topologies/dumbbell-ns3.yaml (plain 100-packet drop-tail) for QUEUE=droptail.
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
if [[ "${QUEUE:-default}" == droptail ]]; then
  sed -i 's|^  addr.Assign(core);|  addr.Assign(core);\n  { TrafficControlHelper tch; tch.Uninstall(core); }  // sockeye bench: drop-tail bottleneck|' "$work/dumbbell.cc"
  grep -q 'sockeye bench: drop-tail' "$work/dumbbell.cc" || { echo "could not patch dumbbell.cc" >&2; exit 1; }
fi
(cd "$work" && bash build.sh >/dev/null)
# Loss events in a cwnd trace (time,cwnd): cwnd below 3/4 of its peak; cuts within 200 ms are one event.
events() {
  python3 -c '
import sys
peak=0; last=-1; n=0
for line in sys.stdin:
    t, c = line.split(",")
    t = float(t); c = float(c)
    if c > peak: peak = c
    elif c < peak * 0.75:
        if last < 0 or t - last > 0.2: n += 1
        last = t; peak = c
print(n)'
}
"$root/scripts/sockeye" --version >/dev/null   # builds the jar if needed

if [[ "${QUEUE:-default}" == droptail ]]; then topology=dumbbell-ns3.yaml; else topology=dumbbell-ns3-fqcodel.yaml; fi
echo "ns-3 queue set-up: ${QUEUE:-default}; Sockeye runs topologies/$topology"
printf '%-8s %5s %14s %12s %10s %14s %10s %9s %12s\n' tool flows goodput_mbps segments run_s segs_per_s process_s peak_mb loss_events0
for n in $flows_list; do
  /usr/bin/time -f '%e %M' -o "$work/ns3.time" "$work/dumbbell" --flows="$n" --duration="$duration" \
    --cwndFile="$work/cwnd.csv" > "$work/ns3.out"
  read -r pwall pmem < "$work/ns3.time"
  ev=$(tail -n +2 "$work/cwnd.csv" | cut -d, -f1,3 | events)
  awk -v n="$n" -v pwall="$pwall" -v pmem="$pmem" -v ev="$ev" '
    /^total_goodput_mbps/ {g=$2} /^data_segments_delivered/ {s=$2} /^wall_s/ {w=$2} /^segments_per_wall_s/ {r=$2}
    END {printf "%-8s %5d %14.2f %12d %10.2f %14.0f %10.2f %9.0f %12d\n", "ns-3", n, g, s, w, r, pwall, pmem/1024, ev}' "$work/ns3.out"
  grep '^flow ' "$work/ns3.out" | head -2 | sed 's/^/    ns-3 /' 

  /usr/bin/time -f '%e %M' -o "$work/sk.time" java -XX:+UseParallelGC -Djava.awt.headless=true -jar "$root/emulator/target/sockeye.jar" \
    run "$root/topologies/$topology" --set "parameters.flows=$n" --set "duration=${duration}s" \
    --set "record.charts=none" -o "$work/sockeye" -q
  read -r swall smem < "$work/sk.time"
  ev=$(awk -F, '$2 == "cwnd" && $3 == "flow0" {print $1 "," $4}' "$work/sockeye/timeseries.csv" | events)
  python3 - "$work/sockeye" "$n" "$duration" "$swall" "$smem" "$ev" <<'PY'
import csv, json, sys
d, n, dur, pwall, pmem, ev = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
rows = [r for r in csv.DictReader(open(d + "/flows.csv")) if r["protocol"] == "tcp"]
total = sum(int(r["bytes"]) for r in rows)
wall = json.load(open(d + "/run.json"))["wall_s"]
segs = total // 1448
print("%-8s %5d %14.2f %12d %10.2f %14.0f %10.2f %9.0f %12d" % ("sockeye", n, total * 8 / dur / 1e6, segs, wall, segs / wall, pwall, pmem / 1024, ev))
for r in rows[:2]:
    print("    sockeye flow %s goodput_mbps %.4f" % (r["flow"][4:], int(r["bytes"]) * 8 / dur / 1e6))
PY
done
