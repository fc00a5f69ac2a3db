#!/usr/bin/env python3
"""Scores a `chronicle bench --out DIR` folder independently with Python tilse 0.2.1
(align+ m:1 ROUGE-1/ROUGE-2 and date F1, precision and recall averaged over tasks
first, as docs/EVALUATION.md says). Test-time oracle only: needs
`pip install --no-deps tilse==0.2.1` plus numpy, scipy, nltk, beautifulsoup4, pathlib2,
and Perl with XML::Parser.

    python3 scripts/tilse_score.py bench-out/t17 ../shared/data/t17

A date given twice in a gold file has its blocks merged, as the shared fixtures'
scores.json were computed; tilse's own Timeline.from_file keeps only the last block
(three T17 gold files repeat dates)."""
import codecs
import datetime
import glob
import sys

from tilse.data.timelines import GroundTruth, Timeline
from tilse.evaluation import dates as tdates
from tilse.evaluation import rouge

SEPARATOR = "-" * 32


def load_merged(path):
    dates_to_summaries, date, summary = {}, None, ""
    for line in codecs.open(path, "r", "utf-8", "replace").readlines():
        line = line.strip()
        if line == SEPARATOR:
            dates_to_summaries.setdefault(date, []).extend(summary.strip().split("\n"))
            date, summary = None, ""
            continue
        try:
            date = datetime.datetime.strptime(line, "%Y-%m-%d").date()
        except ValueError:
            summary += line + "\n"
    return Timeline(dates_to_summaries, path)


def main(pred_dir, gold_root):
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    rows = []
    for pred in sorted(glob.glob(pred_dir + "/*/*.txt")):
        topic, name = pred.split("/")[-2], pred.split("/")[-1]
        predicted = Timeline.from_file(codecs.open(pred, "r", "utf-8", "replace"))
        gold = GroundTruth([load_merged(f"{gold_root}/{topic}/timelines/{name}")])
        content = evaluator.evaluate_align_date_content_costs_many_to_one(predicted, gold)
        dates = tdates.evaluate_dates(predicted, gold)
        rows.append((content, dates))
        print(f"{topic}/{name[:-4]:50s} AR1-F {content['rouge_1']['f_score']:.4f} "
              f"AR2-F {content['rouge_2']['f_score']:.4f} Date-F {dates['f_score']:.4f}",
              flush=True)
    for label, get in [("align_m1.rouge_1", lambda r: r[0]["rouge_1"]),
                       ("align_m1.rouge_2", lambda r: r[0]["rouge_2"]),
                       ("date", lambda r: r[1])]:
        p = sum(get(r)["precision"] for r in rows) / len(rows)
        r_ = sum(get(r)["recall"] for r in rows) / len(rows)
        f = 2 * p * r_ / (p + r_) if p + r_ else 0.0
        print(f"{label:18s} P {p:.4f}  R {r_:.4f}  F {f:.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: tilse_score.py PRED_DIR GOLD_DATASET")
    main(sys.argv[1], sys.argv[2])
