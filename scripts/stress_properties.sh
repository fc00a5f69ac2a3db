#!/usr/bin/env bash
# Runs every property test of the workspace harder than CI does, with fresh random
# seeds. CI runs them with the fixed seed in `.ci/run` (a landing must not depend on
# which cases chance draws); this script is where new cases are looked for. Run it
# before changing a parser, the splitter, the tagger or a metric, and before moving the
# CI seed. A failing case is saved under the crate's `proptest-regressions/`: commit it
# with the fix, and every later run (CI included) replays it first.
#
#   scripts/stress_properties.sh [ROUNDS] [CASES]     (default 3 rounds of 2000 cases)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
cases=${2:-2000}
for round in $(seq 1 "$rounds"); do
    seed=$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')
    echo "== round $round of $rounds: PROPTEST_RNG_SEED=$seed PROPTEST_CASES=$cases"
    export PROPTEST_RNG_SEED=$seed PROPTEST_CASES=$cases
    cargo test --release --quiet -p chronicle-text -p chronicle-ingest -p chronicle-engine --lib
    cargo test --release --quiet -p chronicle-eval -p chronicle-timex --test properties
    cargo test --release --quiet -p chronicle-store --test search_properties
done
echo "== all property tests passed $rounds round(s) of $cases cases"
