"""The Python package: results, offsets, threads, the GIL, errors."""

import threading
import time

import pytest

import unclutter

PAGE = "Skip to main content\nGrößere Brücke: Rat stimmt zu — 7:2 ✓\nShare\nThe council voted on Tuesday.\n"


def test_clean_returns_text_and_removals_with_char_and_byte_offsets():
    result = unclutter.Cleaner().clean(PAGE)
    assert result.text == "Größere Brücke: Rat stimmt zu — 7:2 ✓\nThe council voted on Tuesday.\n"
    assert [r.rule for r in result.removals] == ["NAV001", "SOC001"]
    encoded = PAGE.encode("utf-8")
    for r in result.removals:
        # Character offsets slice the Python string; byte offsets slice its UTF-8 bytes.
        assert PAGE[r.start:r.end] == r.text
        assert encoded[r.byte_start:r.byte_end].decode("utf-8") == r.text
    share = result.removals[1]
    assert share.byte_start > share.start, "non-ASCII text before it: bytes run ahead of characters"
    # Kept text plus the removed ranges rebuild the input.
    kept, at = [], 0
    for r in result.removals:
        kept.append(PAGE[at:r.start])
        at = r.end
    kept.append(PAGE[at:])
    assert "".join(kept) == result.text
    assert result.input_kind in ("page", "article")
    assert result.counts() == {"navigation": 1, "share": 1}


def test_metadata_is_read_when_asked_with_character_offsets():
    text = "Größere Brücke für Neustadt\nVon Katrin Albers und Jan Roth\nVeröffentlicht am 3. März 2024\n\n" \
        "Der Gemeinderat hat am Dienstag mit sieben zu zwei Stimmen beschlossen, die neue Brücke über den Fluss zu bauen.\n"
    assert unclutter.Cleaner().clean(text).metadata is None
    meta = unclutter.Cleaner(metadata=True).clean(text).metadata
    assert [a["value"] for a in meta["author"]] == ["Katrin Albers", "Jan Roth"]
    date = meta["date"]
    assert (date["value"], date["source"], date["rule"]) == ("2024-03-03", "rule", "TIM002")
    assert text[date["start"]:date["end"]] == "Veröffentlicht am 3. März 2024\n"
    assert meta["language"]["value"] == "de"
    page = '<html lang="en"><head><meta property="og:title" content="Bridge"></head><body><p>The council voted.</p></body></html>'
    html_meta = unclutter.Cleaner(metadata=True).clean_html(page).metadata
    assert html_meta["title"] == {"value": "Bridge", "source": "meta", "key": "og:title"}
    many = unclutter.Cleaner(metadata=True).clean_many([text, text], threads=2)
    assert [m.metadata == meta for m in many] == [True, True]


def test_to_dict_has_the_json_keys():
    d = unclutter.Cleaner().clean(PAGE).to_dict()
    assert set(d) == {"text", "input_kind", "removed"}
    assert d["removed"][0]["rule"] == "NAV001"
    assert d["removed"][0]["category"] == "navigation"
    assert {"start", "end", "byte_start", "byte_end", "name", "reason", "text"} <= set(d["removed"][0])


def test_clean_html_offsets_index_the_source_text():
    html = ("<html><body><nav><a href=/>Startseite</a> <a href=/n>Nachrichten</a></nav><article><p>Der Rat "
            "stimmte am Dienstag für die neue Brücke über den Fluss, nach Jahren der Debatte.</p></article></body></html>")
    result = unclutter.Cleaner().clean_html(html)
    assert result.text.startswith("Der Rat stimmte")
    assert result.source_text is not None
    for r in result.removals:
        assert result.source_text[r.start:r.end] == r.text
    assert "source_text" in result.to_dict()


def test_selection_bias_and_kind():
    c = unclutter.Cleaner(select=["navigation"], bias="recall", input_kind="article")
    assert all(code.startswith("NAV") for code in c.rules())
    result = c.clean(PAGE)
    assert [r.rule for r in result.removals] == ["NAV001"]
    assert result.input_kind == "article"
    assert any(rule["code"] == "BPL006" and rule["scored"] for rule in unclutter.rules())


def test_bad_arguments_raise():
    with pytest.raises(ValueError, match="bias"):
        unclutter.Cleaner(bias="sideways")
    with pytest.raises(ValueError, match="input_kind"):
        unclutter.Cleaner(input_kind="poem")
    with pytest.raises(ValueError, match="NOPE"):
        unclutter.Cleaner(select=["NOPE"])
    with pytest.raises(ValueError, match="no-such-model"):
        unclutter.Cleaner(scorer="no-such-model.lgb")
    with pytest.raises(TypeError):
        unclutter.Cleaner().clean(42)
    with pytest.raises(ValueError, match="over the limit"):
        unclutter.Cleaner(max_bytes=10).clean("x" * 11)
    with pytest.raises(ValueError, match="threads"):
        unclutter.Cleaner().clean_many(["a"], threads=0)


def documents(n):
    return [
        "Skip to main content\n" + f"Story {i}\n" + "The council voted on Tuesday to fund the bridge. " * (i % 7 + 1) + "\nShare\n"
        for i in range(n)
    ]


def test_clean_many_gives_what_one_by_one_gives_in_order():
    cleaner = unclutter.Cleaner()
    docs = documents(200)
    one_by_one = [cleaner.clean(d).to_dict() for d in docs]
    for threads in (None, 1, 2):
        assert [r.to_dict() for r in cleaner.clean_many(docs, threads=threads)] == one_by_one


def test_the_gil_is_released_while_rust_cleans():
    # While another thread is inside `clean`, this thread keeps running Python: were the GIL
    # held for the call, this thread would stand still from the call's start to its end. No
    # speed is compared (a loaded machine slows both threads alike), only whether this thread
    # was stopped for most of the call.
    cleaner = unclutter.Cleaner()
    doc = "\n".join(documents(40000)) + "\n"
    cleaner.clean(doc)  # warm up
    started, finished = threading.Event(), threading.Event()
    call = []

    def worker():
        started.set()
        begin = time.perf_counter()
        cleaner.clean(doc)
        call.extend([begin, time.perf_counter()])
        finished.set()

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait()
    first = last = time.perf_counter()
    longest = 0.0
    while not finished.is_set():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    thread.join()
    begin, end = call
    # The longest stretch of the call in which this thread ran nothing.
    stopped = max(longest, first - begin, end - last)
    assert end - begin > 0.1, f"the call took {end - begin:.3f}s: too short to tell"
    assert stopped < 0.5 * (end - begin), f"stopped {stopped:.3f}s during a call of {end - begin:.3f}s"
