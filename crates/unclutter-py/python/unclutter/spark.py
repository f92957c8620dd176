"""A Spark recipe: clean a DataFrame's text column on every executor.

    from pyspark.sql import SparkSession
    from unclutter.spark import clean_dataframe

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    df = spark.read.json("data.jsonl")
    clean = clean_dataframe(df, column="text", output="clean")   # a new column; "text" kept

``clean_partition`` is the function behind it, for ``rdd.mapPartitions`` in pipelines of your
own: it builds one ``unclutter.Cleaner`` per partition (a cleaner is not pickled) and cleans the
partition's texts with ``clean_many`` (every core of the executor, the GIL released).
"""

from typing import Iterable, Iterator, Optional

from . import Cleaner

__all__ = ["clean_partition", "clean_dataframe"]

# Rows cleaned at once in a partition.
BATCH = 256


def clean_partition(rows: Iterable, column: str = "text", output: Optional[str] = None,
                    removed_share: Optional[str] = None, threads: Optional[int] = None,
                    **cleaner_options) -> Iterator:
    """Yields each ``pyspark.sql.Row`` of ``rows`` with ``output`` (default: ``column``, in
    place) set to the cleaned text of ``column``, and, when ``removed_share`` names a field, the
    share of it removed. A null text stays null."""
    from pyspark.sql import Row

    cleaner = Cleaner(**cleaner_options)
    output = output or column
    batch = []

    def flush():
        texts = [row[column] for row in batch if row[column] is not None]
        results = iter(cleaner.clean_many(texts, threads=threads))
        for row in batch:
            fields = row.asDict()
            result = next(results) if row[column] is not None else None
            fields[output] = result.text if result is not None else None
            if removed_share:
                fields[removed_share] = result.removed_share if result is not None else None
            yield Row(**fields)

    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def clean_dataframe(df, column: str = "text", output: Optional[str] = None,
                    removed_share: Optional[str] = None, threads: Optional[int] = None, **cleaner_options):
    """``df`` with ``output`` (default: ``column``) holding the cleaned text of ``column``, and
    ``removed_share`` (a double) when named; every other column kept, in order."""
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    output = output or column
    fields = list(df.schema.fields)
    names = [f.name for f in fields]
    if output not in names:
        fields.append(StructField(output, StringType(), True))
    if removed_share and removed_share not in names:
        fields.append(StructField(removed_share, DoubleType(), True))
    schema = StructType(fields)
    order = [f.name for f in fields]

    def run(rows):
        for row in clean_partition(rows, column, output, removed_share, threads, **cleaner_options):
            values = row.asDict()
            yield tuple(values.get(name) for name in order)

    return df.sparkSession.createDataFrame(df.rdd.mapPartitions(run), schema)
