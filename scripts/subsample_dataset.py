#!/usr/bin/env python3
"""Makes a smaller copy of a dataset (symbolic links, same layout) that keeps each
article with probability FRACTION, chosen by a hash of SEED and its path inside the
dataset, so the same articles are kept on every machine. Keywords and gold timelines are kept
whole. A robustness check: does the engine's lead over the baselines hold on a sparser
corpus?

    python3 scripts/subsample_dataset.py ../shared/data/t17 /tmp/t17-half 0.5 [SEED]
    ./target/release/chronicle bench --dataset /tmp/t17-half --quiet"""
import glob
import hashlib
import os
import shutil
import sys


def main(source, target, fraction, seed):
    source = os.path.abspath(source)
    shutil.rmtree(target, ignore_errors=True)
    kept = total = 0
    for topic in sorted(os.listdir(source)):
        if not os.path.isdir(os.path.join(source, topic, "InputDocs")):
            continue
        os.makedirs(os.path.join(target, topic, "InputDocs"))
        for part in ("keywords.json", "timelines"):
            if os.path.exists(os.path.join(source, topic, part)):
                os.symlink(os.path.join(source, topic, part), os.path.join(target, topic, part))
        for path in sorted(glob.glob(os.path.join(source, topic, "InputDocs", "*", "*"))):
            total += 1
            inside = os.path.relpath(path, source)
            if int(hashlib.sha1(f"{seed}:{inside}".encode()).hexdigest()[:8], 16) / 2**32 >= fraction:
                continue
            day = os.path.basename(os.path.dirname(path))
            os.makedirs(os.path.join(target, topic, "InputDocs", day), exist_ok=True)
            os.symlink(path, os.path.join(target, topic, "InputDocs", day, os.path.basename(path)))
            kept += 1
    print(f"kept {kept} of {total} articles in {target}")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: subsample_dataset.py SOURCE TARGET FRACTION [SEED]")
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4] if len(sys.argv) == 5 else "0")
