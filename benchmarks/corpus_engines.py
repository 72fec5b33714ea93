"""Corpus throughput by engine: the local pool against Ray with 1 and 2 workers, same manifest.

Why: corpus mode at outlet scale (10,000-50,000 article pairs) needs to know what one core, one
worker and Ray's bookkeeping cost before renting a cluster. The manifest is the first ``--docs``
WMT22 ru-en documents with their professional English reference (../shared/corpora/wmt22-ru-en),
written under a temporary folder; every run starts with an empty embedding cache (else a
re-run only reads vectors back) and a new results file. Prints, per engine:

* documents a minute over the whole run, worker start and model loading included;
* for Ray, the seconds to start the Ray instance itself (once, not in the rates);
* Ray's overhead per document: the round trip of a document through an actor with a task that
  does nothing (serialising the pair and the result, scheduling, streaming back), next to the
  mean time the real work takes per document.

    python benchmarks/corpus_engines.py                 # 48 documents, no meaning model
    python benchmarks/corpus_engines.py --docs 96 --qe  # with the meaning model

The machine's load matters (figures are wall time): the load average is printed beside them.
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.corpus.manifest import write_manifest  # noqa: E402
from compare.corpus.runner import (  # noqa: E402
    DocumentPair,
    DocumentResult,
    EngineOptions,
    InlineExecutor,
    PoolExecutor,
    ResultStore,
    RunSettings,
    run_corpus,
)

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "wmt22-ru-en"
csv.field_size_limit(10_000_000)


def build_manifest(folder: Path, n_docs: int) -> tuple[Path, int]:
    """The first ``n_docs`` WMT22 documents (Russian source, English reference) as files and a
    manifest; returns it with the number of source segments."""
    docs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(DATA / "wmt22_ru-en.src_ref.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            docs[row["doc_id"]].append((row["src"], row["ref_A"]))
    rows, segments = [], 0
    for doc_id in list(docs)[:n_docs]:
        name = doc_id.replace("/", "_")
        (folder / f"{name}.ru.txt").write_text("\n".join(s for s, _ in docs[doc_id]) + "\n",
                                               encoding="utf-8")
        (folder / f"{name}.en.txt").write_text("\n".join(r for _, r in docs[doc_id]) + "\n",
                                               encoding="utf-8")
        segments += len(docs[doc_id])
        rows.append({"id": doc_id, "outlet": doc_id.rsplit(".", 1)[0], "source_lang": "ru",
                     "source_path": f"{name}.ru.txt", "target_path": f"{name}.en.txt"})
    write_manifest(folder / "manifest.csv", rows)
    return folder / "manifest.csv", segments


def do_nothing(pair: DocumentPair, settings: RunSettings) -> DocumentResult:
    """A document task without work: what is left of its time is the engine's overhead."""
    return DocumentResult(pair.id, pair.input_hash, "ok")


class RecordingInline(InlineExecutor):
    """The one-process executor, keeping every result (to time the driver's writes after)."""

    def __init__(self) -> None:
        self.results: list[DocumentResult] = []

    def run(self, pairs, settings):  # type: ignore[no-untyped-def]
        self.pairs = {p.id: p for p in pairs}
        for result in super().run(pairs, settings):
            self.results.append(result)
            yield result


def driver_write_seconds(recorded: RecordingInline, dest: Path) -> float:
    """Mean seconds the driver spends storing one document (one transaction each)."""
    store = ResultStore(dest)
    started = time.perf_counter()
    for result in recorded.results:
        store.save(recorded.pairs[result.id], result)
    seconds = (time.perf_counter() - started) / max(1, len(recorded.results))
    store.close()
    return seconds


def timed_run(manifest: Path, out: Path, settings: RunSettings, **kwargs: object) -> float:
    started = time.perf_counter()
    summary = run_corpus(manifest, out, settings, progress=False, **kwargs)
    seconds = time.perf_counter() - started
    if summary.processed != summary.total - summary.invalid:
        raise SystemExit(f"run incomplete: {summary.line()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=48, help="WMT22 documents (default: 48)")
    parser.add_argument("--qe", action="store_true", help="with the meaning model")
    parser.add_argument("--embedder", default="e5", help="embedder spec (default: e5)")
    args = parser.parse_args()

    import ray

    from compare.corpus.ray_engine import RayExecutor

    root = Path(tempfile.mkdtemp(prefix="corpus-engines-"))
    manifest, segments = build_manifest(root, args.docs)
    n = args.docs
    print(f"{n} WMT22 documents, {segments} source segments ({segments / n:.1f} a document); "
          f"embedder {args.embedder}, meaning model {'on' if args.qe else 'off'}, cold "
          f"embedding cache; {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f} at start")

    def settings() -> RunSettings:
        return RunSettings(embedder=args.embedder, embedding_cache="", qe=args.qe)

    rates: dict[str, float] = {}

    def report(name: str, seconds: float) -> None:
        rates[name] = 60.0 * n / seconds
        print(f"{name:<28} {seconds:7.1f} s  {rates[name]:7.1f} documents a minute  "
              f"(load {os.getloadavg()[0]:.1f})", flush=True)

    recorded = RecordingInline()
    report("local, 1 process", timed_run(manifest, root / "inline.sqlite", settings(),
                                          executor=recorded))
    report("local pool, 2 processes", timed_run(manifest, root / "pool.sqlite", settings(),
                                                executor=PoolExecutor(2)))
    started = time.perf_counter()
    ray.init(address="local", num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False,
             object_store_memory=256 * 1024**2,
             runtime_env={"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parents[1])}})
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    print(f"{'(Ray instance start)':<28} {time.perf_counter() - started:7.1f} s")
    try:
        for workers in (1, 2):
            engine = EngineOptions(name="ray", workers=workers)
            report(f"ray, {workers} worker{'s' if workers > 1 else ''}",
                   timed_run(manifest, root / f"ray{workers}.sqlite", settings(), engine=engine))
        # Overhead: the same documents through one actor with a task that does nothing.
        light = RunSettings(embedder=args.embedder, embedding_cache="", qe=False)
        executor = RayExecutor(EngineOptions(name="ray", workers=1), task=do_nothing)
        pairs = [DocumentPair(f"d{i}", "s", "t", input_hash=str(i)) for i in range(200)]
        list(executor.run(pairs[:4], light))  # actor start, models loaded: not overhead
        executor = RayExecutor(EngineOptions(name="ray", workers=1), task=do_nothing)
        gen = executor.run(pairs, light)
        first = next(gen)  # waits for the actor to start
        started = time.perf_counter()
        rest = sum(1 for _ in gen)
        per_doc = (time.perf_counter() - started) / rest
        assert first.status == "ok"
    finally:
        ray.shutdown()
    db = sqlite3.connect(root / "inline.sqlite")
    work = db.execute("SELECT AVG(seconds) FROM documents WHERE status = 'ok'").fetchone()[0]
    db.close()
    print(f"{'ray overhead per document':<28} {1000 * per_doc:7.1f} ms  (the work itself: "
          f"{1000 * work:.0f} ms a document in 1 process, models loaded; overhead "
          f"{100 * per_doc / work:.1f} %)")
    write = driver_write_seconds(recorded, root / "writes.sqlite")
    print(f"{'driver write per document':<28} {1000 * write:7.1f} ms  (one driver stores at most "
          f"{60 / (write + per_doc):,.0f} documents a minute, whatever the cluster)")


if __name__ == "__main__":
    main()
