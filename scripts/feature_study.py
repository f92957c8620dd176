#!/usr/bin/env python3
"""Measures a candidate feature family for the content scorer out of fold, before any Rust is
written: derived columns computed here from the feature table, the same five site-grouped folds,
LightGBM parameters and page decisions as `scripts/train.py`, and a table beside the baseline.

    scripts/train                                   # writes target/scorer/features.csv first
    ~/.cache/unclutter/venv-train/bin/python scripts/feature_study.py target/scorer/features.csv \\
        --input text --family sections [--family ...] [--threshold 0.325 --unproposed 0.2]

For the baseline (the table's columns as they are) and for the baseline plus every `--family`,
it trains the five fold models, scores each fold with the model that never saw its sites, and
prints the out-of-fold line AUC, each folder's mean page F1 under the scorer's decisions
(`train.page_f1` at the given thresholds; by default the shipped model's header's) and, for
wcxb_dev, the mean page F1 and recall per page type; then the new columns' share of the first
fold model's gain. A family is worth porting to `features.rs` when it raises the folders it is
meant for without lowering aeb's recall; port it, retrain with `scripts/train` and confirm with
`evaluate --oof`, whose numbers are the ones to quote (this one scores labelled lines only).

Families (each a function below, computed per page from columns the table already has):
- `sections`: the line's section, from one heading-like line (short, no sentence end, no bullet)
  to the next: its words, lines, mean words a line, prose, sentence-end and bullet shares, its
  share of the page's prose words and the share after it, its rank from the page's end, its
  size against the page's largest section.
- `page_means`: the page's mean of six line measures and the line's difference from each.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train  # noqa: E402  (the training script's folds, parameters and page decisions)

ROOT = Path(__file__).resolve().parent.parent


def sections(frame):
    """Columns describing the section each line belongs to (see the module's doc)."""
    nonblank = (frame["is_blank"] == 0).to_numpy()
    words = np.rint(np.expm1(frame["words"].to_numpy()))
    heading = (nonblank & (frame["ends_sentence"].to_numpy() == 0) & (frame["bullet"].to_numpy() == 0)
               & (words >= 1) & (words <= 10))
    pid = frame["pid"].to_numpy()
    new_page = np.r_[True, pid[1:] != pid[:-1]]
    sid = np.cumsum(heading | new_page)
    prose = frame["class_prose"].to_numpy() * nonblank
    d = pd.DataFrame({"sid": sid, "pid": pid, "w": words * nonblank, "nb": nonblank * 1.0, "prose": prose,
                      "pw": words * prose, "ends": frame["ends_sentence"].to_numpy() * nonblank,
                      "bullet": frame["bullet"].to_numpy() * nonblank})
    by_section = d.groupby("sid")
    section_words = by_section["w"].transform("sum")
    section_lines = by_section["nb"].transform("sum").clip(lower=1)
    page_prose = d.groupby("pid")["pw"].transform("sum").clip(lower=1)
    section_prose = by_section["pw"].transform("sum")
    before = d.groupby("pid")["pw"].cumsum() - by_section["pw"].cumsum()
    largest = d.assign(s=section_prose).groupby("pid")["s"].transform("max").clip(lower=1)
    return {
        "sect_words": np.log1p(section_words),
        "sect_lines": np.log1p(section_lines),
        "sect_mean_words": np.log1p(section_words / section_lines),
        "sect_prose": by_section["prose"].transform("sum") / section_lines,
        "sect_ends": by_section["ends"].transform("sum") / section_lines,
        "sect_bullets": by_section["bullet"].transform("sum") / section_lines,
        "sect_share": section_prose / page_prose,
        "sect_prose_after": ((page_prose - before - section_prose) / page_prose).clip(lower=0),
        "sect_from_end": np.log1p(d.groupby("pid")["sid"].transform("max") - sid),
        "sect_vs_largest": section_prose / largest,
    }


def page_means(frame):
    """The page's mean of six line measures over its non-blank lines, and each line's difference."""
    out = {}
    nonblank = frame["is_blank"] == 0
    for col in ("stop_share", "bullet", "ends_sentence", "digit_share", "words", "cap_share"):
        mean = frame[col].where(nonblank).groupby(frame["pid"]).transform("mean")
        out[f"page_mean_{col}"] = mean
        out[f"page_diff_{col}"] = frame[col] - mean
    return out


FAMILIES = {"sections": sections, "page_means": page_means}


def header_thresholds(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        if not line.startswith("# "):
            break
        key, _, value = line[2:].partition(" = ")
        values[key.strip()] = value.strip()
    return float(values["threshold"]), float(values["unproposed_threshold"]), float(values["weak_region_share"])


def report(name, rows, thresholds, page_types):
    threshold, unproposed, weak = thresholds
    auc = train.auc(rows["label"].to_numpy(), rows["score"].to_numpy(), rows["weight"].to_numpy())
    pages = rows.groupby(["folder", "page"], sort=False).apply(
        lambda g: train.page_f1(g, threshold, unproposed, weak), include_groups=False)
    table = pd.DataFrame({"f1": pages.map(lambda s: s[0]), "recall": pages.map(lambda s: s[1])}).reset_index()
    print(f"== {name}: out-of-fold line AUC {auc:.4f}")
    print(table.groupby("folder")[["f1", "recall"]].mean().round(4).to_string())
    wcxb = table[table["folder"].isin(["wcxb_dev", "wcxb_dev:html"])].copy()
    if len(wcxb):
        wcxb["type"] = wcxb["page"].map(page_types)
        print(wcxb.groupby(["folder", "type"])[["f1", "recall"]].mean().round(4).to_string())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("features")
    parser.add_argument("--input", choices=["text", "html"], default="text")
    parser.add_argument("--family", action="append", default=[], choices=sorted(FAMILIES))
    parser.add_argument("--threshold", type=float, help="default: the shipped model's")
    parser.add_argument("--unproposed", type=float)
    parser.add_argument("--weak", type=float)
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline's five models")
    parser.add_argument("--devset", default=str(ROOT.parent / "shared/devset"))
    args = parser.parse_args()

    model = ROOT / "crates/unclutter/model" / ("content-html.lgb" if args.input == "html" else "content-text.lgb")
    shipped = header_thresholds(model)
    thresholds = tuple(given if given is not None else default
                       for given, default in zip((args.threshold, args.unproposed, args.weak), shipped))
    page_types = {}
    index = Path(args.devset) / "wcxb_dev/index.jsonl"
    if index.exists():
        for line in open(index, encoding="utf-8"):
            entry = json.loads(line)
            page_types[entry["id"]] = entry["page_type"]

    frame = pd.read_csv(args.features, dtype={"page": str, "domain": str})
    html = frame["folder"].str.endswith(":html")
    rows = frame[html if args.input == "html" else ~html].reset_index(drop=True)
    base = [c for c in rows.columns if c not in train.META]
    rows["ruled"] = rows[[c for c in base if c.startswith("removed_")]].sum(axis=1) > 0
    rows["proposed"] = rows[[c for c in base if c.startswith("proposed_")]].sum(axis=1) > 0
    rows["pid"] = pd.factorize(rows["folder"] + "/" + rows["page"])[0]
    rows = rows.sort_values(["pid", "line"], kind="mergesort").reset_index(drop=True)
    print(f"{args.input}: {len(rows)} lines, thresholds {thresholds}", file=sys.stderr)

    if not args.no_baseline:
        rows["score"], _ = train.out_of_fold(rows, base, "baseline")
        report("baseline", rows, thresholds, page_types)
    if args.family:
        added = {}
        for name in args.family:
            added.update(FAMILIES[name](rows))
        for col, values in added.items():
            rows[col] = np.asarray(values, dtype=np.float64)
        features = base + list(added)
        rows["score"], boosters = train.out_of_fold(rows, features, " + ".join(args.family))
        report(" + ".join(args.family), rows, thresholds, page_types)
        gain = dict(zip(features, boosters[0].feature_importance("gain")))
        total = sum(gain.values())
        shares = sorted(((gain[c] / total, c) for c in added), reverse=True)
        print("gain share of the new columns (fold 0): " + ", ".join(f"{c} {s:.2%}" for s, c in shares))


if __name__ == "__main__":
    main()
