"""The Spark recipe, in local mode on two cores."""

import os
import sys

import pytest

pytest.importorskip("pyspark")
# Spark's Python workers run this interpreter, which has the package.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

from pyspark.sql import SparkSession  # noqa: E402

from unclutter.spark import clean_dataframe  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    session = SparkSession.builder.master("local[2]").appName("unclutter-test").config("spark.ui.enabled", "false").getOrCreate()
    yield session
    session.stop()


def test_clean_dataframe_adds_a_cleaned_column_and_keeps_the_rest(spark):
    rows = [(i, f"Skip to main content\nStory {i} is about the bridge vote on Tuesday.\nShare\n" if i != 3 else None)
            for i in range(40)]
    df = spark.createDataFrame(rows, "id long, text string").repartition(4)
    clean = clean_dataframe(df, column="text", output="clean", removed_share="removed")
    assert clean.columns == ["id", "text", "clean", "removed"]
    got = {row["id"]: row for row in clean.collect()}
    assert len(got) == 40
    assert got[5]["clean"] == "Story 5 is about the bridge vote on Tuesday.\n"
    assert got[5]["text"].startswith("Skip to main content")
    assert 0 < got[5]["removed"] < 1
    assert got[3]["clean"] is None, "a null text stays null"
