#!/usr/bin/env python3
"""Score predictions against gold labels: accuracy and macro-F1.

One scorer for every system in bench/compare.sh, so that all are scored the
same way. Standard library only.

    score.py GOLD.jsonl PREDICTIONS.txt

GOLD.jsonl has one {"text", "label"} object per line; PREDICTIONS.txt has one
predicted label per line, in the same order (an empty line: no prediction,
counted as wrong). Prints "accuracy macro_f1 n missing".

Macro-F1 is the unweighted mean of the per-label F1 over every label that is
in the gold labels or the predictions (what scikit-learn's
f1_score(average="macro") does); a label with no true and no predicted post
cannot occur, and a label with precision and recall both 0 scores F1 0.
"""

import json
import sys


def read_gold(path):
    gold = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                gold.append(str(json.loads(line)["label"]))
            except (ValueError, KeyError, TypeError) as e:
                raise SystemExit(f"score.py: {path}:{n}: no label ({e})")
    return gold


def read_predictions(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def score(gold, pred):
    """Return (accuracy, macro_f1, missing) for equal-length label lists.

    A prediction that is None or "" is missing: wrong, and not a label.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    if not gold:
        raise ValueError("no posts to score")
    pred = [p if p else None for p in pred]
    missing = sum(p is None for p in pred)
    labels = sorted(set(gold) | {p for p in pred if p is not None})
    tp = dict.fromkeys(labels, 0)
    npred = dict.fromkeys(labels, 0)
    ngold = dict.fromkeys(labels, 0)
    for g, p in zip(gold, pred):
        ngold[g] += 1
        if p is not None:
            npred[p] += 1
            if p == g:
                tp[g] += 1
    f1s = []
    for label in labels:
        prec = tp[label] / npred[label] if npred[label] else 0.0
        rec = tp[label] / ngold[label] if ngold[label] else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    accuracy = sum(tp.values()) / len(gold)
    return accuracy, sum(f1s) / len(f1s), missing


def main(argv):
    if len(argv) != 3:
        raise SystemExit("usage: score.py GOLD.jsonl PREDICTIONS.txt")
    gold = read_gold(argv[1])
    pred = read_predictions(argv[2])
    try:
        acc, f1, missing = score(gold, pred)
    except ValueError as e:
        raise SystemExit(f"score.py: {e}")
    print(f"{acc:.4f} {f1:.4f} {len(gold)} {missing}")


if __name__ == "__main__":
    main(sys.argv)
