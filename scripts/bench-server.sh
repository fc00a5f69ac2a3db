#!/usr/bin/env bash
# Load benchmark of `chronicle serve` on loopback (docs/BENCHMARKS.md, "## Server").
# Usage: scripts/bench-server.sh [DATASET] [SECONDS]   (default ../shared/data/t17, 30)
# Ingests DATASET into target/bench-server/store (once), then serves that store.
# Needs: cargo build --release --bin chronicle && cargo build --release -p chronicle-server --example loadgen
set -euo pipefail
cd "$(dirname "$0")/.."
DATASET=${1:-../shared/data/t17}
SECS=${2:-30}
STORE=target/bench-server/store
ADDR=127.0.0.1:18090
URL=http://$ADDR
LOADGEN=target/release/examples/loadgen

mkdir -p target/bench-server
[ -d "$STORE" ] || ./target/release/chronicle ingest --quiet --store "$STORE" "$DATASET"
TOKEN_FILE=target/bench-server/token
echo "bench-token-$(date +%s%N)" > "$TOKEN_FILE"
./target/release/chronicle serve --store "$STORE" --addr "$ADDR" --token-file "$TOKEN_FILE" \
  --quiet 2> target/bench-server/serve.log &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "$URL/healthz" && break; sleep 0.5; done

TIMELINES=()
for kw in bp,oil,spill egypt,egyptian financial,economic,crisis h1n1,swine,flu \
          haiti,quake,earthquake iraq,iraqi libya,libyan michael,jackson syria,syrian; do
  TIMELINES+=(--path "/api/v1/timeline?keywords=$kw&dates=20")
done
SEARCHES=()
for q in "oil+spill+gulf" "mubarak+resign" "bank+bailout" "swine+flu+vaccine" "earthquake+aid" \
         "baghdad+bombing" "gaddafi+rebels" "jackson+doctor+trial" "assad+protest" "bp+well+cap"; do
  SEARCHES+=(--path "/api/v1/search?q=$q&limit=20")
done

echo "== cached timelines, open loop 200 req/s"
$LOADGEN --url "$URL" --rate 200 --duration "$SECS" "${TIMELINES[@]}" --label timeline-cached-200
echo "== cached timelines, closed loop (max throughput)"
$LOADGEN --url "$URL" --concurrency 32 --duration "$SECS" "${TIMELINES[@]}" --label timeline-cached-max
echo "== search, open loop 200 req/s"
$LOADGEN --url "$URL" --rate 200 --duration "$SECS" "${SEARCHES[@]}" --label search-200
echo "== search, closed loop (max throughput)"
$LOADGEN --url "$URL" --concurrency 32 --duration "$SECS" "${SEARCHES[@]}" --label search-max

# Uncached: 588 distinct timelines requested in turn, more than the cache holds (256),
# so every request misses (LRU with a cyclic scan).
uncached() {  # KEYWORDS: 588 timeline paths for one topic
  for n in $(seq 5 200); do for s in 1 2 3; do
    echo --path "/api/v1/timeline?keywords=$1&dates=$n&sentences=$s"
  done; done
}
# shellcheck disable=SC2046
echo "== uncached timelines (588 distinct requests, every one a cache miss), closed loop, 4 clients"
$LOADGEN --url "$URL" --concurrency 4 --duration "$SECS" --no-warmup $(uncached bp,oil,spill) --label timeline-uncached-max
echo "== uncached timelines (other topic, all misses), open loop 4 req/s"
$LOADGEN --url "$URL" --rate 4 --duration "$SECS" --no-warmup $(uncached h1n1,swine,flu) --label timeline-uncached-4

# Reads during an ingest: search at 200 req/s while POST /api/v1/articles adds the
# articles of one T17 topic again (text changed so they are new): 1 JSON Lines body.
TOPIC=${INGEST_TOPIC:-$DATASET/syria}
if [ -d "$TOPIC/InputDocs" ] && command -v python3 >/dev/null; then
  python3 - "$TOPIC" > target/bench-server/ingest.jsonl <<'PY'
import json, pathlib, sys
root = pathlib.Path(sys.argv[1]) / "InputDocs"
for f in sorted(root.glob("*/*.txt")):
    text = f.read_text(errors="replace").strip()
    if text:
        print(json.dumps({"id": "re-" + f.stem, "date": f.parent.name,
                          "source": f.stem.split("-")[0], "text": text + "\n(reposted)"}))
PY
  echo "== search at 200 req/s during an ingest of $(wc -l < target/bench-server/ingest.jsonl) articles ($(du -h target/bench-server/ingest.jsonl | cut -f1))"
  $LOADGEN --url "$URL" --rate 200 --duration "$SECS" "${SEARCHES[@]}" --label search-200-during-ingest &
  LOAD=$!
  sleep 2
  TOOK=$(curl -sf -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
    --data-binary @target/bench-server/ingest.jsonl -w '%{time_total}' \
    -o target/bench-server/ingest-summary.json "$URL/api/v1/articles")
  echo "ingest took ${TOOK} s: $(head -c 200 target/bench-server/ingest-summary.json)"
  wait $LOAD
  # The ingest cleared the timeline cache: timelines at 200 req/s across a second ingest
  # (the 9 cached timelines are recomputed once each, identical requests share it).
  sed 's/"id": "re-/"id": "re2-/; s/(reposted)/(reposted again)/' target/bench-server/ingest.jsonl \
    > target/bench-server/ingest2.jsonl
  echo "== cached timelines at 200 req/s across an ingest (cache cleared mid-run)"
  $LOADGEN --url "$URL" --rate 200 --duration "$SECS" "${TIMELINES[@]}" --label timeline-200-across-ingest &
  LOAD=$!
  sleep 5
  TOOK=$(curl -sf -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
    --data-binary @target/bench-server/ingest2.jsonl -w '%{time_total}' \
    -o target/bench-server/ingest-summary2.json "$URL/api/v1/articles")
  echo "ingest took ${TOOK} s: $(head -c 200 target/bench-server/ingest-summary2.json)"
  wait $LOAD
fi
