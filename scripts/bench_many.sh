#!/usr/bin/env bash
# Runs `chronicle bench` on a dataset and on subsamples of it, to judge a change on
# more than one corpus: the dataset as given and with `--window-extension 7`, six ½
# subsamples (seeds 1-6), three ¼ subsamples (seeds 4-6) and two ½ subsamples with the
# extension (seeds 4-5); 13 runs. Prints each run's align+ m:1 ROUGE-1 F, ROUGE-2 F and
# date F1, then their means. Compare two builds run for run: a gain that shows in most
# runs is real, one that shows in the mean only may be a single corpus's luck.
#
#   cargo build --release
#   scripts/bench_many.sh [CHRONICLE_BINARY] [DATASET]
set -euo pipefail
bin=${1:-./target/release/chronicle}
dataset=${2:-../shared/data/t17}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(dirname "$0")
scores() {
    "$bin" bench --dataset "$1" --out "$work/out" --quiet "${@:2}" 2>&1 |
        awk '/align_m1.rouge_1|align_m1.rouge_2|^  date/ {printf "%s ", $NF}'
}
{
    echo "full $(scores "$dataset")"
    echo "full+ext7 $(scores "$dataset" --window-extension 7)"
    for seed in 1 2 3 4 5 6; do
        python3 "$here/subsample_dataset.py" "$dataset" "$work/half$seed" 0.5 "$seed" >/dev/null
        echo "half$seed $(scores "$work/half$seed")"
    done
    for seed in 4 5 6; do
        python3 "$here/subsample_dataset.py" "$dataset" "$work/quarter$seed" 0.25 "$seed" >/dev/null
        echo "quarter$seed $(scores "$work/quarter$seed")"
    done
    for seed in 4 5; do
        echo "half$seed+ext7 $(scores "$work/half$seed" --window-extension 7)"
    done
} | awk '{ printf "%-14s AR-1 %s  AR-2 %s  date %s\n", $1, $2, $3, $4; a += $2; b += $3; c += $4; n++ }
    END { printf "%-14s AR-1 %.4f  AR-2 %.4f  date %.4f\n", "mean of " n, a / n, b / n, c / n }'
