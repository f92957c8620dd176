#!/usr/bin/env python3
"""Where the article's words go, out of fold: per wcxb_dev page type (or per folder), the share of
gold-aligned words that a rule removed outright (by category) and that the content scorer cut
(by the rule that proposed the line, or unproposed: BPL006).

    scripts/train                                     # writes target/scorer/features.csv
    python3 scripts/train.py target/scorer/features.csv --schema HASH --out /tmp/t.lgb \\
        --out-html /tmp/h.lgb --oof-dir /tmp/oof --oof-scores target/scorer/oof
    ~/.cache/unclutter/venv-train/bin/python scripts/oof_losses.py target/scorer/oof.text.csv wcxb_dev \
        --threshold 0.5 --unproposed 0.2

Give the thresholds of the model the scores came from (`--threshold`, `--unproposed`: the
`threshold` and `unproposed_threshold` lines of its header). Needs pandas (the training virtual
environment has it).
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scores", help="an --oof-scores CSV of scripts/train.py")
    parser.add_argument("folder", help="the folder column to study: wcxb_dev, aeb, wcxb_dev:html...")
    parser.add_argument("--features", default=str(ROOT / "target/scorer/features.csv"))
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--unproposed", type=float, default=0.0)
    parser.add_argument("--devset", default=str(ROOT.parent / "shared/devset"))
    args = parser.parse_args()

    scores = pd.read_csv(args.scores, dtype={"page": str, "domain": str})
    scores = scores[scores["folder"] == args.folder]
    header = pd.read_csv(args.features, nrows=1).columns
    flags = [c for c in header if c.startswith("removed_") or c.startswith("proposed_")]
    features = pd.read_csv(args.features, usecols=["folder", "page", "line"] + flags, dtype={"page": str})
    frame = scores.merge(features[features["folder"] == args.folder], on=["folder", "page", "line"])
    index = Path(args.devset) / args.folder.split(":")[0] / "index.jsonl"
    types = {}
    if index.exists():
        for line in index.open(encoding="utf-8"):
            entry = json.loads(line)
            types[entry["id"]] = entry.get("page_type") or args.folder
    frame["group"] = frame["page"].map(types).fillna(args.folder)
    frame["w"] = np.rint(np.expm1(frame["words"]))
    gold = frame[frame["label"] == 1]
    proposed = gold["proposed"]
    cut = (~gold["ruled"]) & ((proposed & (gold["score"] < args.threshold))
                              | (~proposed & (gold["dom_heading"] != 1) & (gold["score"] < args.unproposed)))
    for group, rows in gold.groupby("group"):
        total = rows["w"].sum()
        ruled = {c[len("removed_"):]: rows.loc[rows[c] == 1, "w"].sum() / total for c in flags if c.startswith("removed_")}
        by_model = {c[len("proposed_"):]: rows.loc[cut[rows.index] & (rows[c] == 1), "w"].sum() / total
                    for c in flags if c.startswith("proposed_")}
        by_model["unproposed"] = rows.loc[cut[rows.index] & ~rows["proposed"], "w"].sum() / total
        show = lambda d: ", ".join(f"{k} {v:.3f}" for k, v in d.items() if v >= 0.002) or "none"
        print(f"{group} ({rows['page'].nunique()} pages): removed by rules: {show(ruled)}; cut by the scorer: {show(by_model)}")


if __name__ == "__main__":
    main()
