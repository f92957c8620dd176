#!/usr/bin/env python3
"""Trains unclutter's content scorer from the line features the Rust code writes.

Run through `scripts/train`, which makes the virtual environment (LightGBM from PyPI) and the
feature table first:

    scripts/train                      # writes crates/unclutter/model/content-text.lgb
    python3 scripts/train.py FEATURES.csv --schema HASH --out MODEL --out-html MODEL --oof-dir DIR

What it does, deterministically (fixed seeds, one thread count, LightGBM's deterministic mode):
1. Reads the table of `cargo run --release -p unclutter-eval --example features` (one row per
   labelled line; `fold` groups pages by site, `weight` makes every page weigh the same).
2. Out of fold: for each of the five folds, trains on the other four and scores the fold; the
   fold's model goes to DIR/fold-K.lgb.gz (DIR/html-fold-K.lgb.gz for HTML; gzip, no timestamp)
   for `evaluate --oof DIR` and the devset tests, which clean each page with the model that
   never saw its site. Text (dumps and crops) and HTML projections get a model each.
3. Chooses the thresholds on those out-of-fold scores: the lowest one within 0.001 of the
   best mean of the folders' mean page F1 (words of kept lines against words of article
   lines; near its top the mean is flat while recall falls), simulating the
   scorer's default decisions (a proposed header or footer line goes when it scores low; on an
   extracted article only at its start and end, at most 30% of its words); then, with it, the
   lower threshold below which a whole page's line that no rule proposed goes (BPL006), the
   best one that costs at most 0.005 of the mean page recall; then, with both, the share of a
   page's words its article region must hold for the region to place the page's header and
   footer (`weak_region_share`: below it a proposed line goes only under the lower threshold).
   Only web pages choose them: readability's `synthetic_test` pages (tiny lorem-ipsum cases of
   its parser's tests, marked in the devset's index) are trained on but never choose a threshold;
   on the HTML model's flat curve a couple of them flipping moved its threshold by 0.075.
4. Trains the shipped model on every page and writes it with its header: the schema hash of the
   features, the threshold, how it was trained, and the out-of-fold line AUC.
"""

import argparse
import gzip
import json
import os
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

META = ["folder", "page", "domain", "fold", "line", "label", "weight"]
FOLDS = 5
ARTICLE_SHARE = 0.3
# The mean page recall that removing low-scoring lines no rule proposed (BPL006) may cost.
UNPROPOSED_RECALL_COST = 0.005
# Mean page F1 within which a lower threshold (higher recall) is preferred to the best one.
F1_TIE = 0.001
# Shares of a page's words below which its article region places no header or footer (0: never).
WEAK_REGION_GRID = [0.0, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2]
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.08,
    "num_leaves": 31,
    "min_data_in_leaf": 100,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "seed": 17,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 2,
    "verbose": -1,
}
ROUNDS = 200


def train(frame, features):
    data = lgb.Dataset(frame[features].to_numpy(np.float32), label=frame["label"], weight=frame["weight"],
                       feature_name=features, free_raw_data=True)
    return lgb.train(PARAMS, data, num_boost_round=ROUNDS)


def out_of_fold(rows, features, name=""):
    """Each row's score by the model trained without its fold (folds group pages by site), and
    the five fold models."""
    scores = np.full(len(rows), np.nan)
    boosters = []
    fold = rows["fold"].to_numpy()
    for k in range(FOLDS):
        test = fold == k
        booster = train(rows[~test], features)
        scores[test] = booster.predict(rows.loc[test, features].to_numpy(np.float32))
        boosters.append(booster)
        print(f"{name} fold {k}: {int(test.sum())} lines held out", file=sys.stderr)
    return scores, boosters


def auc(labels, scores, weights):
    order = np.argsort(scores, kind="mergesort")
    labels, weights = labels[order], weights[order]
    pos = np.cumsum(weights * (labels == 0))  # negative weight below each position
    total_pos = np.sum(weights * (labels == 1))
    total_neg = np.sum(weights * (labels == 0))
    return float(np.sum(weights * (labels == 1) * pos) / (total_pos * total_neg))


def page_f1(group, threshold, unproposed=0.0, weak=0.0):
    """One page's F1 and recall (words of kept lines against words of article lines) under the
    scorer's decisions: a proposed line (BPL001, BPL002, BPL003) goes when it scores below
    `threshold`, and on a whole page a line no rule proposed when it scores below `unproposed`
    (BPL006); on an extracted article only a run of proposed lines at its start or end goes, at
    most 30% of its words. On a whole page whose article region holds less than `weak` of its
    words, a proposed line goes only below `unproposed` (the region places no header or
    footer)."""
    words = np.rint(np.expm1(group["words"].to_numpy()))
    label = group["label"].to_numpy() == 1
    kept_lines = ~group["ruled"].to_numpy()
    score = group["score"].to_numpy()
    proposed = group["proposed"].to_numpy()
    if group["doc_article"].iloc[0] != 1.0 and weak > 0.0:
        total = words.sum()
        share = words[group["in_region"].to_numpy() == 1.0].sum() / total if total > 0 else 1.0
        if share < weak:
            threshold = unproposed
    low = kept_lines & proposed & (score < threshold)
    if group["doc_article"].iloc[0] == 1.0:
        idx = np.flatnonzero(kept_lines)
        lead = 0
        while lead < len(idx) and low[idx[lead]]:
            lead += 1
        trail = 0
        while trail < len(idx) - lead and low[idx[len(idx) - 1 - trail]]:
            trail += 1
        trimmed = np.concatenate([idx[:lead], idx[len(idx) - trail:]]).astype(int)
        cut = np.zeros(len(group), dtype=bool)
        if words[trimmed].sum() <= ARTICLE_SHARE * words[idx].sum():
            cut[trimmed] = True
    else:
        heading = group["dom_heading"].to_numpy() == 1.0
        # A list's own heading in the article region (the next kept line is a bullet) stays.
        bullet = group["bullet"].to_numpy() == 1.0
        idx = np.flatnonzero(kept_lines)
        next_bullet = np.zeros(len(group), dtype=bool)
        next_bullet[idx[:-1]] = bullet[idx[1:]]
        # So does a section's heading, between a finished sentence or list and a paragraph.
        ends = group["ends_sentence"].to_numpy() == 1.0
        next_prose = np.zeros(len(group), dtype=bool)
        next_prose[idx[:-1]] = (group["class_prose"].to_numpy() == 1.0)[idx[1:]]
        after_end = np.zeros(len(group), dtype=bool)
        after_end[idx[1:]] = (ends | bullet)[idx[:-1]]
        outline = ((next_bullet | (next_prose & after_end)) & (group["in_region"].to_numpy() == 1.0) & ~bullet
                   & ~ends)
        cut = low | (kept_lines & ~proposed & ~heading & ~outline & (score < unproposed))
    keep = kept_lines & ~cut
    tp = words[keep & label].sum()
    kept = words[keep].sum()
    gold = words[label].sum()
    if gold == 0:
        return (1.0 if kept == 0 else 0.0), 1.0
    if tp == 0:
        return 0.0, 0.0
    p, r = tp / kept, tp / gold
    return 2 * p * r / (p + r), r


def folder_means(frame, threshold, unproposed=0.0, weak=0.0):
    """The folders' mean page F1, and the mean page recall over all pages."""
    scores = frame.groupby(["folder", "page"], sort=False).apply(lambda g: page_f1(g, threshold, unproposed, weak),
                                                                 include_groups=False)
    f1 = scores.map(lambda s: s[0])
    recall = scores.map(lambda s: s[1])
    return f1.groupby(level=0).mean(), recall.mean()


def best_thresholds(frame, grid, unproposed_grid, weak_grid):
    """The lowest threshold of `grid` within F1_TIE of the best mean of the folders' mean page
    F1, then the threshold of lines no rule proposed (of `unproposed_grid`, not above the first)
    that is best with it, then the share of a page's words its article region must hold to place
    the header and footer (of `weak_grid`); with their folder means and the mean page recall."""
    def search(triples, min_recall=0.0):
        results = []
        for t, u, w in triples:
            means, recall = folder_means(frame, t, u, w)
            print(f"threshold {t:.3f}, unproposed {u:.3f}, weak region {w:.3f}: recall {recall:.4f}, "
                  + ", ".join(f"{k} {v:.4f}" for k, v in means.items()), file=sys.stderr)
            if recall >= min_recall:
                results.append((means.mean(), round(float(t), 3), round(float(u), 3), round(float(w), 3), means, recall))
        return results

    def best(results):
        return max(results, key=lambda r: r[0])  # the first of equals
    thresholds = search((t, 0.0, 0.0) for t in grid)
    top = best(thresholds)
    # Never lose the article: near its top the mean F1 is flat while recall falls, so of the
    # thresholds within F1_TIE of the best, the lowest (it keeps the most).
    chosen = min((r for r in thresholds if r[0] >= top[0] - F1_TIE), key=lambda r: r[1])
    # Lines no rule proposed may cost little of the mean page recall.
    chosen = best(search(((chosen[1], u, 0.0) for u in unproposed_grid if u <= chosen[1]),
                         chosen[5] - UNPROPOSED_RECALL_COST))
    chosen = best(search((chosen[1], chosen[2], w) for w in weak_grid))
    return chosen[1:]


def header(features_hash, input_kind, threshold, unproposed, weak, frame, oof_auc, means, recall):
    pages = frame.groupby(["folder", "page"]).ngroups
    groups = frame["domain"].nunique()
    folders = " ".join(sorted(frame["folder"].unique()))
    params = ", ".join(f"{k} {v}" for k, v in PARAMS.items() if k not in ("verbose",))
    what = "an HTML page's projected lines" if input_kind == "html" else "plain text (page dumps, extracted articles)"
    lines = [
        f"unclutter content scorer for {what}: LightGBM binary trees over the line features",
        f"input = {input_kind}",
        f"schema_hash = {features_hash}",
        f"threshold = {threshold:.3f}",
        f"unproposed_threshold = {unproposed:.3f}",
        f"weak_region_share = {weak:.3f}",
        f"trained_on = {folders}: {len(frame)} labelled lines of {pages} inputs from {groups} sites",
        f"command = scripts/train (LightGBM {lgb.__version__}, {ROUNDS} rounds; {params})",
        f"oof_line_auc = {oof_auc:.4f} (5 folds grouped by site)",
        "oof_page_f1_simulated = " + ", ".join(f"{k} {v:.3f}" for k, v in means.items())
        + f" (words of labelled lines; mean page recall {recall:.3f})",
    ]
    return "".join(f"# {line}\n" for line in lines)


def write_model(path, booster, head):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(head)
        out.write(booster.model_to_string())


def synthetic_pages(devset):
    """The ids of the devset's synthetic test pages (`synthetic_test` in a folder's index)."""
    ids = set()
    for index in sorted(Path(devset).glob("*/index.jsonl")):
        with open(index, encoding="utf-8") as lines:
            ids.update(e["id"] for e in map(json.loads, lines) if e.get("synthetic_test"))
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("features")
    parser.add_argument("--schema", required=True, help="the schema hash the features example printed")
    parser.add_argument("--out", required=True, help="the text model")
    parser.add_argument("--out-html", required=True, help="the HTML model")
    parser.add_argument("--oof-dir", required=True)
    parser.add_argument("--oof-scores", help="also write every line's out-of-fold score here (CSV), for study")
    parser.add_argument("--devset", default=str(Path(__file__).resolve().parent.parent.parent / "shared/devset"),
                        help="the devset whose index marks its synthetic test pages")
    args = parser.parse_args()

    frame = pd.read_csv(args.features, dtype={"page": str, "domain": str})
    features = [c for c in frame.columns if c not in META]
    removed = [c for c in features if c.startswith("removed_")]
    frame["ruled"] = frame[removed].sum(axis=1) > 0
    frame["proposed"] = frame[[c for c in features if c.startswith("proposed_")]].sum(axis=1) > 0
    html = frame["folder"].str.endswith(":html")
    os.makedirs(args.oof_dir, exist_ok=True)
    # One model for plain text (dumps and extractor-like crops), one for HTML pages' projections:
    # the same features, different inputs.
    for input_kind, rows, out, prefix in [
        ("text", frame[~html].copy(), args.out, "fold"),
        ("html", frame[html].copy(), args.out_html, "html-fold"),
    ]:
        scores, boosters = out_of_fold(rows, features, input_kind)
        rows["score"] = scores
        fold_models = [booster.model_to_string() for booster in boosters]
        if args.oof_scores:
            keep = META + ["score", "ruled", "proposed", "words", "doc_article", "dom_heading", "in_region", "bullet", "ends_sentence",
                           "class_prose"]
            rows[keep].to_csv(f"{args.oof_scores}.{input_kind}.csv", index=False)
        oof_auc = auc(rows["label"].to_numpy(), rows["score"].to_numpy(), rows["weight"].to_numpy())
        threshold, unproposed, weak, means, recall = best_thresholds(
            rows[~rows["page"].isin(synthetic_pages(args.devset))], np.arange(0.05, 0.951, 0.025), np.arange(0.0, 0.451, 0.025), WEAK_REGION_GRID)
        head = header(args.schema, input_kind, threshold, unproposed, weak, rows, oof_auc, means, recall)
        # The fold models get the same header: the threshold is chosen on all folds' scores.
        for k, body in enumerate(fold_models):
            path = os.path.join(args.oof_dir, f"{prefix}-{k}.lgb.gz")
            with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
                gz.write((head + body).encode("utf-8"))
        booster = train(rows, features)
        write_model(out, booster, head)
        print(head, end="")
        print(f"wrote {out} ({os.path.getsize(out)} bytes) and {FOLDS} fold models in {args.oof_dir}")

if __name__ == "__main__":
    main()
