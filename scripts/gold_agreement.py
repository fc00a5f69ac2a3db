#!/usr/bin/env python3
"""How far the gold timelines of one topic agree on their dates: for each pair of a
topic's timelines, the date F1 between them over the days both windows cover (from the
later first date to the earlier last date). A gauge of how much journalists themselves
differ in choosing a story's days. Run from the repository root:
    python3 scripts/gold_agreement.py [DATASET]"""
import itertools
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/t17'


def dates(path):
    with open(path, errors='replace') as f:
        return {l.strip() for l in f if re.match(r'^\d{4}-\d{2}-\d{2}$', l.strip())}


pairs = []
for topic in sorted(os.listdir(root)):
    folder = os.path.join(root, topic, 'timelines')
    if not os.path.isdir(folder):
        continue
    names = sorted(os.listdir(folder))
    for a, b in itertools.combinations(names, 2):
        da, db = dates(os.path.join(folder, a)), dates(os.path.join(folder, b))
        if not da or not db:
            continue
        lo, hi = max(min(da), min(db)), min(max(da), max(db))
        da = {d for d in da if lo <= d <= hi}
        db = {d for d in db if lo <= d <= hi}
        if not da or not db:
            print(f'{topic}: {a} / {b}: windows do not overlap')
            continue
        common = len(da & db)
        f1 = 2 * common / (len(da) + len(db))
        pairs.append(f1)
        print(f'{topic}: {a} / {b}: {len(da)} and {len(db)} dates in common window, '
              f'{common} shared, date F1 {f1:.3f}')
if pairs:
    print(f'{len(pairs)} pairs, mean date F1 {sum(pairs) / len(pairs):.3f}')
