"""The datatrove blocks, in datatrove's LocalPipelineExecutor with two workers."""

import json

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from unclutter.datatrove import UnclutterCleaner, UnclutterFilter  # noqa: E402

BODY = "The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay. " * 3


def write_input(folder, n=8):
    folder.mkdir()
    for part in range(2):
        with open(folder / f"part-{part}.jsonl", "w", encoding="utf-8") as f:
            for i in range(n):
                text = f"Skip to main content\n{BODY}\nShare\n" if i % 4 else "Share\nSubscribe\n"
                f.write(json.dumps({"id": f"{part}-{i}", "text": text}) + "\n")


def read_output(folder):
    docs = []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f)
    return docs


def test_cleaner_block_runs_with_two_workers(tmp_path):
    write_input(tmp_path / "in")
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), UnclutterCleaner(), JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = read_output(tmp_path / "out")
    assert len(docs) == 16
    for doc in docs:
        # The writer leaves out an empty text (the documents of only clutter).
        assert "Skip to main content" not in doc.get("text", "")
        meta = doc["metadata"]
        assert 0 < meta["unclutter_removed_share"] <= 1
        assert meta["unclutter_counts"]


def test_filter_drops_documents_left_almost_empty(tmp_path):
    write_input(tmp_path / "in")
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), UnclutterFilter(min_chars=100),
                  JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = read_output(tmp_path / "out")
    assert len(docs) == 12, "the four documents of only clutter are dropped"
    assert all(doc["text"].startswith("The council voted") for doc in docs)
