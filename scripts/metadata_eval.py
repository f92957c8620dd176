#!/usr/bin/env python3
"""Scores title, author and publish-date extraction on the devset's wcxb_dev pages.

usage: python3 scripts/metadata_eval.py [--devset DIR] [--ours FILE] [--ours-text FILE]
                                        [--peers] [--force] [--jobs N] [--by-type] [--self-test]

The gold is `<devset>/wcxb_dev/index.jsonl` (`--devset` defaults to `../shared/devset` beside the
repository): per page a `title` (always set), an `author` (a string or null) and a
`publish_date` ("YYYY-MM-DD", once "YYYY-MM", or null). One table row per system present:

- trafilatura, from the page's HTML: read from the cache
  `${UNCLUTTER_CACHE:-$HOME/.cache/unclutter}/metadata/trafilatura.jsonl`, one object per page,
  `{"id", "title", "author": [names], "date"}` (plus `"error"` when the call raised; its values
  are then null and the page counts as a failure). Its sidecar `trafilatura.info.json` records
  the trafilatura version. `--peers` fills the cache: it runs
  `trafilatura.extract_metadata(html, default_url=url)` (default options) on every page, over
  `--jobs` processes (default 2, the most it allows) at low priority. trafilatura runs in a
  throwaway virtual environment, `${UNCLUTTER_CACHE:-$HOME/.cache/unclutter}/venv-metadata`: when
  that lacks trafilatura the script creates it (`python3 -m venv`), upgrades its pip and runs
  `pip install trafilatura` from PyPI, then re-invokes itself with the venv's python as the
  worker. A cache that covers every page is kept unless `--force`. trafilatura's author string
  "A; B" is split on ";"; the worker decodes `<id>.html.gz` as UTF-8, invalid bytes as U+FFFD.
- ours from HTML (`--ours FILE`) and ours from the text dumps (`--ours-text FILE`): JSON Lines,
  one object per page, `{"id", "metadata": {"title": {"value": ...} | null,
  "author": [{"value": ...}, ...], "date": {"value": "2017-01-09[T19:48:00+00:00]"} | null}}`.
  Parsing is lenient: a title or date may be a plain string or an object with `value`, an author
  list may hold strings or such objects, or be a single string, and any field may be missing (the
  fields are also looked for at the top level when there is no `metadata`). Pages the file lacks
  count as no prediction; the table's `missing` column counts them (failures for trafilatura).

The measures, each printed as a percentage with one decimal and its count:

- date: over the pages with a gold date, the prediction's first 10 characters equal it (its first
  7 for the "YYYY-MM" gold). `spurious`: pages without a gold date that got one.
- author: over the pages with a gold author (null and "" are no author), `exact` when the sets of
  normalised names are equal, `any` when at least one predicted name is a gold name. `spurious`:
  pages without a gold author that got a name. A gold or predicted author string is split into
  names on "," ";" "&" "|" and the words " and ", " und ", " et ", " y ", " e " (a predicted list
  has each element split); "<...>" (an e-mail address) is dropped. Parts that are credentials or
  roles are dropped, unless that would leave no name (a predicted list is pooled first, so
  ["Dylan Bailey", "MS"] is one name): a credential is a part whose words are all-caps
  abbreviations of at most 5 letters, dots and symbols aside ("MS", "RD", "FAND", "M.D. FACLM",
  "CEPF®"), or one of DEGREES below ("Ph.D.", "Jr."); a role is a part that reads as one of ROLES
  below ("Staff", "Editor"). Honorifics ("Dr.") and roles after a name ("Dietitian") stay.
- title: over all pages, `exact` when the normalised titles are equal, `lenient` when either
  normalised title contains the other (sites append " | Site Name").

Normalisation, of titles and names alike: Unicode NFKD, accents (combining marks) dropped, lower
case, white space collapsed, punctuation and symbols stripped at the ends and every run of them
inside made one space (names too, since extractors drop the dots of initials: "Justin C.
Meserole" is "Justin C Meserole").

`--run BIN` makes our two prediction files itself with the command-line tool BIN (build it with
`cargo build --release -p unclutter-cli`; BIN is then `target/release/unclutter`): every page's
HTML, and every page's dump, go through `BIN --jsonl --metadata` as one JSON Lines file each
(`--html-field html`, and `--field text`), and the records' `metadata` objects are the
predictions (kept under `${UNCLUTTER_CACHE:-$HOME/.cache/unclutter}/metadata/ours.*.jsonl`).

`--by-type` adds the date and author measures per `page_type`. `--self-test` checks the
normalisation and the lenient parsing on examples and exits. No page text is printed.

Exit status: 0 when the table was printed (or the self-test passed), 1 when `--peers` could not
install or run trafilatura, 2 on a usage error or a missing devset folder.
"""
import argparse
import gzip
import json
import logging
import os
import re
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "wcxb_dev"
MAX_JOBS = 2
PAGE_TIMEOUT = 120  # seconds for one page's extraction in the worker

# Credentials that are not all caps (compared with dots and symbols removed, lower case).
DEGREES = {"phd", "dphil", "msc", "bsc", "jr", "sr"}
# Parts that name a role, not a person (compared normalised).
ROLES = {"staff", "staff writer", "editor", "editors", "editorial staff", "admin", "contributor"}

LIST_SEPARATORS = re.compile(r"[,;&|]")
WORD_SEPARATORS = re.compile(r"(?:^|\s+)(?:and|und|et|y|e)\s+", re.IGNORECASE)
ANGLE_BRACKETS = re.compile(r"<[^>]*>")


# --- paths ---------------------------------------------------------------------------------------


def cache_root():
    return Path(os.environ.get("UNCLUTTER_CACHE") or Path.home() / ".cache" / "unclutter")


def peers_cache():
    return cache_root() / "metadata" / "trafilatura.jsonl"


def peers_info():
    return cache_root() / "metadata" / "trafilatura.info.json"


def venv_dir():
    return cache_root() / "venv-metadata"


def read_index(folder):
    with open(folder / "index.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_jsonl(path):
    """The objects of a JSON Lines file; lines that are not a JSON object are counted, not fatal."""
    objects, bad = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if isinstance(obj, dict):
                objects.append(obj)
            else:
                bad += 1
    if bad:
        print(f"{path}: skipped {bad} lines that are not JSON objects", file=sys.stderr)
    return objects


# --- normalisation -------------------------------------------------------------------------------


def is_punctuation(ch):
    return unicodedata.category(ch)[0] in "PS"


def fold(text):
    """NFKD, combining marks dropped, lower case, white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def normalise(text):
    """Folded, every run of punctuation and symbols one space: 'Top 10: A & B' -> 'top 10 a b'.

    Names too: extractors drop the dots of initials ("Justin C. Meserole" -> "Justin C Meserole")
    and change apostrophes.
    """
    spaced = "".join(" " if is_punctuation(ch) else ch for ch in fold(text))
    return " ".join(spaced.split())


def is_credential(part):
    """'MS', 'M.D. FACLM', 'CEPF®', 'E-RYT 200', 'Ph.D.', 'Ph D': abbreviations, maybe with numbers."""
    if "".join(ch for ch in part if ch.isalpha()).lower() in DEGREES:
        return True
    seen_letters = False
    for word in part.split():
        letters = "".join(ch for ch in word if ch.isalpha())
        if not letters:
            if any(ch.isdigit() for ch in word):
                continue
            return False
        seen_letters = True
        if not ((letters.isupper() and len(letters) <= 5) or letters.lower() in DEGREES):
            return False
    return seen_letters


def is_role(part):
    return normalise(part) in ROLES


def split_parts(author):
    """An author string cut on the separators, before any normalisation."""
    parts = []
    for piece in LIST_SEPARATORS.split(ANGLE_BRACKETS.sub(" ", author)):
        parts.extend(p.strip() for p in WORD_SEPARATORS.split(piece.strip()))
    return [p for p in parts if p]


def names_of(authors):
    """The set of normalised names in a list of author strings (gold: a list of one).

    Credentials and roles are dropped unless they are all there is; a predicted list is pooled
    first, so ["Dylan Bailey", "MS", "RD"] loses "MS" and "RD" as "Dylan Bailey, MS, RD" does.
    """
    parts = [part for author in authors for part in split_parts(author)]
    kept = [p for p in parts if not (is_credential(p) or is_role(p))] or parts
    return {name for name in map(normalise, kept) if name}


def author_names(author):
    return names_of([author])


# --- reading predictions -------------------------------------------------------------------------


def field_value(field):
    """A plain string, or the `value` of an object; None otherwise."""
    if isinstance(field, dict):
        field = field.get("value")
    if isinstance(field, str) and field.strip():
        return field.strip()
    return None


def author_values(field):
    if field is None:
        return []
    if not isinstance(field, list):
        field = [field]
    return [v for v in map(field_value, field) if v]


def prediction_of(obj):
    """{"title", "author": [strings], "date"} from one line of an --ours file or the cache."""
    meta = obj.get("metadata")
    if not isinstance(meta, dict):
        meta = obj
    return {
        "title": field_value(meta.get("title")),
        "author": author_values(meta.get("author", meta.get("authors"))),
        "date": field_value(meta.get("date")),
    }


def read_predictions(path):
    """id -> prediction, and the ids whose line records a failure (the cache's "error")."""
    predictions, failed = {}, set()
    for obj in read_jsonl(path):
        if "id" not in obj:
            continue
        predictions[obj["id"]] = prediction_of(obj)
        if obj.get("error"):
            failed.add(obj["id"])
    return predictions, failed


# --- measures ------------------------------------------------------------------------------------


def date_matches(predicted, gold):
    width = 7 if len(gold) == 7 else 10
    return predicted is not None and predicted[:width] == gold[:width]


def title_matches(predicted, gold):
    """(exact, lenient) for one page."""
    if predicted is None:
        return False, False
    p, g = normalise(predicted), normalise(gold)
    if not p or not g:
        return False, False
    return p == g, p in g or g in p


class Counts:
    """Hits and totals of every measure for one system over a set of pages."""

    KEYS = ("date", "date_spurious", "author_exact", "author_any", "author_spurious",
            "title_exact", "title_lenient")  # fmt: skip

    def __init__(self):
        self.hits = dict.fromkeys(self.KEYS, 0)
        self.pages = self.with_date = self.with_author = self.missing = 0

    def add(self, gold, predicted):
        self.pages += 1
        if predicted is None:
            self.missing += 1
            predicted = {"title": None, "author": [], "date": None}
        self.add_date(gold.get("publish_date"), predicted["date"])
        self.add_author(gold.get("author"), predicted["author"])
        exact, lenient = title_matches(predicted["title"], gold["title"])
        self.hits["title_exact"] += exact
        self.hits["title_lenient"] += lenient

    def add_date(self, gold, predicted):
        if gold:
            self.with_date += 1
            self.hits["date"] += date_matches(predicted, gold)
        elif predicted:
            self.hits["date_spurious"] += 1

    def add_author(self, gold, predicted):
        names = names_of(predicted)
        if gold:
            self.with_author += 1
            gold_names = author_names(gold)
            self.hits["author_exact"] += names == gold_names
            self.hits["author_any"] += bool(names & gold_names)
        elif names:
            self.hits["author_spurious"] += 1

    def cell(self, key):
        if key.endswith("spurious"):
            return str(self.hits[key])
        total = {"date": self.with_date, "author": self.with_author, "title": self.pages}[key.split("_")[0]]
        return percent(self.hits[key], total)


def percent(hits, total):
    if not total:
        return "- (0/0)"
    return f"{100 * hits / total:.1f}% ({hits}/{total})"


def score(index, predictions, failed=()):
    counts = Counts()
    for gold in index:
        predicted = None if gold["id"] in failed else predictions.get(gold["id"])
        counts.add(gold, predicted)
    return counts


# --- output --------------------------------------------------------------------------------------

COLUMNS = (
    ("date", "date"), ("date_spurious", "spurious"),
    ("author_exact", "author exact"), ("author_any", "author any"), ("author_spurious", "spurious"),
    ("title_exact", "title exact"), ("title_lenient", "title lenient"),
)  # fmt: skip


def print_table(rows, columns, first_header="system"):
    """rows: (label, Counts); columns: (key, header)."""
    header = [first_header, "missing"] + [h for _, h in columns]
    lines = [[label, str(c.missing)] + [c.cell(k) for k, _ in columns] for label, c in rows]
    widths = [max(len(line[i]) for line in [header] + lines) for i in range(len(header))]
    for line in [header] + lines:
        first = line[0].ljust(widths[0])
        rest = (cell.rjust(w) for cell, w in zip(line[1:], widths[1:]))
        print("  ".join([first, *rest]))


def print_by_type(index, systems):
    columns = COLUMNS[:5]
    types = sorted({g["page_type"] for g in index}, key=lambda t: (-sum(g["page_type"] == t for g in index), t))
    rows = []
    for page_type in types:
        pages = [g for g in index if g["page_type"] == page_type]
        for label, predictions, failed in systems:
            rows.append((f"{page_type} ({len(pages)}): {label}", score(pages, predictions, failed)))
    print()
    print("by page type, date and author:")
    print_table(rows, columns, "page type: system")


# --- trafilatura, in its virtual environment -----------------------------------------------------


def cache_covers(index):
    path = peers_cache()
    if not path.exists():
        return False
    ids = {obj.get("id") for obj in read_jsonl(path)}
    return all(g["id"] in ids for g in index)


def cached_version():
    try:
        return json.loads(peers_info().read_text(encoding="utf-8")).get("trafilatura", "unknown")
    except (OSError, ValueError):
        return "unknown"


def venv_python():
    return venv_dir() / "bin" / "python"


def venv_has_trafilatura():
    python = venv_python()
    if not python.exists():
        return False
    return subprocess.run([str(python), "-c", "import trafilatura"], capture_output=True).returncode == 0


def install_trafilatura():
    if not venv_python().exists():
        print(f"creating {venv_dir()}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv_dir())], check=True)
    pip = [str(venv_python()), "-m", "pip", "install", "--quiet"]
    print("installing trafilatura from PyPI into the venv", file=sys.stderr)
    # pip 23.2's resolver trips over lxml's extras: upgrade pip first.
    subprocess.run(pip + ["--upgrade", "pip"], check=True)
    subprocess.run(pip + ["trafilatura"], check=True)


def run_peers(folder, jobs, force, index):
    """Fills the trafilatura cache; returns False when it could not."""
    if cache_covers(index) and not force:
        print(f"trafilatura cache covers all {len(index)} pages ({peers_cache()}); --force recomputes")
        return True
    try:
        if not venv_has_trafilatura():
            install_trafilatura()
        worker = [str(venv_python()), str(Path(__file__).resolve()), "--trafilatura-worker",
                  "--devset", str(folder.parent), "--jobs", str(jobs)]  # fmt: skip
        subprocess.run(worker, check=True)
    except (OSError, subprocess.CalledProcessError) as err:
        print(f"metadata_eval: trafilatura could not run: {err}", file=sys.stderr)
        return False
    return True


def read_html(folder, page_id):
    return gzip.decompress((folder / f"{page_id}.html.gz").read_bytes()).decode("utf-8", errors="replace")


def on_timeout(signum, frame):
    raise TimeoutError(f"over {PAGE_TIMEOUT} s")


def init_worker():
    os.nice(10)
    logging.disable(logging.CRITICAL)
    signal.signal(signal.SIGALRM, on_timeout)


def extract_metadata_function():
    import trafilatura

    if hasattr(trafilatura, "extract_metadata"):
        return trafilatura.extract_metadata
    from trafilatura.metadata import extract_metadata

    return extract_metadata


def extract_page(task):
    """One page's trafilatura metadata as a cache line."""
    folder, page_id, url = task
    line = {"id": page_id, "title": None, "author": [], "date": None}
    try:
        html = read_html(Path(folder), page_id)
        signal.alarm(PAGE_TIMEOUT)
        try:
            doc = extract_metadata_function()(html, default_url=url)
        finally:
            signal.alarm(0)
    except Exception as err:  # any failure of the call is a failed page, not a failed run
        line["error"] = f"{type(err).__name__}: {err}"[:200]
        return line
    if doc is not None:
        line["title"] = doc.title or None
        line["author"] = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
        line["date"] = doc.date or None
    return line


def trafilatura_worker(folder, jobs):
    """Runs inside the venv: writes the cache (whole, via a temporary file) and its sidecar."""
    from multiprocessing import Pool

    import trafilatura

    index = read_index(folder)
    out = peers_cache()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    failures = 0
    tasks = [(str(folder), g["id"], g.get("url")) for g in index]
    with Pool(jobs, initializer=init_worker) as pool, open(tmp, "w", encoding="utf-8") as f:
        for done, line in enumerate(pool.imap(extract_page, tasks, chunksize=4), 1):
            failures += "error" in line
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
            if done % 100 == 0 or done == len(tasks):
                print(f"trafilatura: {done}/{len(tasks)} pages, {failures} failures", file=sys.stderr)
    tmp.replace(out)
    info = {"trafilatura": trafilatura.__version__, "pages": len(tasks), "failures": failures}
    peers_info().write_text(json.dumps(info) + "\n", encoding="utf-8")
    print(f"trafilatura {trafilatura.__version__}: wrote {out} ({failures} failures)")


# --- self-test -----------------------------------------------------------------------------------


def self_test():
    checks = [
        (author_names("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"),
         {"danielle desiato", "donna enzmann", "natalie nguyen"}),
        (author_names("Dylan Bailey, MS, RD, FAND"), {"dylan bailey"}),
        (names_of(["Dylan Bailey", "MS", "RD", "FAND"]), {"dylan bailey"}),
        (author_names("Maria & Katerina"), {"maria", "katerina"}),
        (author_names("Genevieve Carlton, Ph.D."), {"genevieve carlton"}),
        (names_of(["Genevieve Carlton", "Ph D"]), {"genevieve carlton"}),
        (author_names("Michael Greger, M.D. FACLM"), {"michael greger"}),
        (author_names("Rebecca Lake, CEPF®"), {"rebecca lake"}),
        (author_names("Holly Wilgus, E-RYT 200"), {"holly wilgus"}),
        (author_names("Manoj Jain and Jagpreet Chhatwal"), {"manoj jain", "jagpreet chhatwal"}),
        (author_names("Sergio Martínez-Beltrán | The Texas Newsroom"),
         {"sergio martinez beltran", "the texas newsroom"}),
        (author_names("Vinay Sajip <vinay_sajip at red-dove dot com>"), {"vinay sajip"}),
        (author_names("Josef  Průša."), {"josef prusa"}),
        (author_names("Justin C. Meserole"), names_of(["Justin C Meserole"])),
        (author_names("Rory O’Sullivan"), {"rory o sullivan"}),
        (author_names("JWU"), {"jwu"}),
        (author_names("Jane Doe, Staff"), {"jane doe"}),
        (author_names("Staff"), {"staff"}),
        (author_names("Ana y Luis"), {"ana", "luis"}),
        (names_of(["Jane Doe", "John Roe, PhD"]), {"jane doe", "john roe"}),
        (normalise("Top 10: Health & Nutrition Trends — Tastewise"), "top 10 health nutrition trends tastewise"),
        (title_matches("Top 10 Health Trends | Tastewise", "Top 10 Health Trends"), (False, True)),
        (title_matches("Top 10 Health Trends.", "top 10 health trends"), (True, True)),
        (title_matches("", "Top 10 Health Trends"), (False, False)),
        (date_matches("2017-01-09T19:48:00+00:00", "2017-01-09"), True),
        (date_matches("2003-11-05", "2003-11"), True),
        (date_matches("2017-01-10", "2017-01-09"), False),
        (date_matches(None, "2017-01-09"), False),
        (prediction_of({"id": "a", "metadata": {"title": {"value": "T"}, "author": [{"value": "A"}, "B"],
                                                "date": {"value": "2017-01-09"}}}),
         {"title": "T", "author": ["A", "B"], "date": "2017-01-09"}),
        (prediction_of({"id": "a", "metadata": {"title": "T", "author": "A", "date": None}}),
         {"title": "T", "author": ["A"], "date": None}),
        (prediction_of({"id": "a", "metadata": {"title": None}}), {"title": None, "author": [], "date": None}),
        (prediction_of({"id": "a", "title": "T", "author": ["A"], "date": "2017"}),
         {"title": "T", "author": ["A"], "date": "2017"}),
    ]  # fmt: skip
    for i, (got, expected) in enumerate(checks, 1):
        assert got == expected, f"check {i}: {got!r} != {expected!r}"
    print(f"self-test: {len(checks)} checks passed")


# --- main ----------------------------------------------------------------------------------------


def run_ours(binary, folder, index):
    """Runs BIN --jsonl --metadata over the pages' HTML and over their dumps; returns the two
    prediction files."""
    out_dir = cache_root() / "metadata"
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for kind, flags in (("html", ["--html-field", "html"]), ("text", ["--field", "text"])):
        records = out_dir / f"input.{kind}.jsonl"
        with records.open("w", encoding="utf-8") as f:
            for page in index:
                if kind == "html":
                    body = read_html(folder, page["id"])
                else:
                    body = (folder / f"{page['id']}.dump.txt").read_text(encoding="utf-8", errors="replace")
                f.write(json.dumps({"id": page["id"], kind: body}, ensure_ascii=False) + "\n")
        predictions = out_dir / f"ours.{kind}.jsonl"
        command = [str(binary), "--jsonl", "--metadata", "--on-error", "keep", "--max-bytes", "64M", *flags, str(records)]
        done = subprocess.run(command, capture_output=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"metadata_eval: {' '.join(command)} failed: {done.stderr.decode(errors='replace')}")
        with predictions.open("w", encoding="utf-8") as f:
            for line in done.stdout.decode("utf-8").split("\n"):
                if not line.strip():
                    continue
                record = json.loads(line)
                f.write(json.dumps({"id": record["id"], "metadata": record.get("metadata")}) + "\n")
        records.unlink()
        made.append(predictions)
    return made


def parse_args():
    first, _, rest = __doc__.partition("\n")
    parser = argparse.ArgumentParser(
        description=first, epilog=rest, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset",
                        help="the devset folder, holding wcxb_dev (default: ../shared/devset)")
    parser.add_argument("--ours", type=Path, help="our predictions from HTML, JSON Lines")
    parser.add_argument("--ours-text", type=Path, help="our predictions from the text dumps, JSON Lines")
    parser.add_argument("--run", type=Path, metavar="BIN",
                        help="make our predictions with the unclutter binary BIN (HTML and dumps)")
    parser.add_argument("--peers", action="store_true",
                        help="fill the trafilatura cache (installs trafilatura in a venv)")
    parser.add_argument("--force", action="store_true", help="with --peers: recompute a complete cache")
    parser.add_argument("--jobs", type=int, default=MAX_JOBS, help=f"processes for trafilatura (1 to {MAX_JOBS})")
    parser.add_argument("--by-type", action="store_true", help="date and author measures per page type too")
    parser.add_argument("--self-test", action="store_true", help="check the normalisation and parsing, then exit")
    parser.add_argument("--trafilatura-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 1 <= args.jobs <= MAX_JOBS:
        parser.error(f"--jobs must be between 1 and {MAX_JOBS}")
    for path in (args.ours, args.ours_text):
        if path is not None and not path.is_file():
            parser.error(f"{path}: no such file")
    return args


def main():
    args = parse_args()
    if args.self_test:
        self_test()
        return 0
    folder = args.devset / FOLDER
    if not (folder / "index.jsonl").is_file():
        print(f"metadata_eval: no {folder / 'index.jsonl'}", file=sys.stderr)
        return 2
    if args.trafilatura_worker:
        trafilatura_worker(folder, args.jobs)
        return 0
    index = read_index(folder)
    if args.peers and not run_peers(folder, args.jobs, args.force, index):
        return 1

    systems = []  # (label, predictions, failed ids)
    if peers_cache().exists():
        predictions, failed = read_predictions(peers_cache())
        version = cached_version()
        print(f"trafilatura version: {version}")
        systems.append((f"trafilatura {version} (HTML)", predictions, failed))
    if args.run:
        args.ours, args.ours_text = run_ours(args.run, folder, index)
    if args.ours:
        systems.append(("ours (HTML)", *read_predictions(args.ours)))
    if args.ours_text:
        systems.append(("ours (text)", *read_predictions(args.ours_text)))
    if not systems:
        print("no system to score: run with --peers, --ours FILE or --ours-text FILE")
        return 0

    with_date = sum(bool(g.get("publish_date")) for g in index)
    with_author = sum(bool(g.get("author")) for g in index)
    print(f"{FOLDER}: {len(index)} pages, {with_date} with a gold date, {with_author} with a gold author")
    print_table([(label, score(index, p, f)) for label, p, f in systems], COLUMNS)
    if args.by_type:
        print_by_type(index, systems)
    return 0


if __name__ == "__main__":
    sys.exit(main())
