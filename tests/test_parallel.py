"""--jobs N and --executor dask give byte-identical reports to one process."""
from __future__ import annotations

import concurrent.futures
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck import parallel
from crosscheck.cli import main
from crosscheck.errors import SourceError
from crosscheck.extract import extract_claims
from crosscheck.ingest import load_sources
from crosscheck.pipeline import check_claims
from crosscheck.report import OutputFormat, render
from crosscheck.rules.load import load_rules
from crosscheck.store import Store

from .conftest import CORPUS, SEEDS

# A cluster with many sources and claims of every kind: 36_ecbplus has 30 articles.
CLUSTER = CORPUS / "36_ecbplus"
STORIES = [SEEDS, CLUSTER]


def one_process_json(folder) -> str:
    documents = load_sources([folder])
    claims = [c for d in documents for c in extract_claims(d)]
    return render(check_claims([d.source for d in documents], claims, load_rules()), OutputFormat.JSON)


def cli_json(*args: str) -> str:
    result = CliRunner().invoke(main, ["report", *args, "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("folder", STORIES, ids=lambda f: f.name)
def test_jobs_gives_byte_identical_report(folder):
    expected = cli_json(str(folder))
    assert expected == one_process_json(folder)
    assert cli_json(str(folder), "--jobs", "2") == expected
    assert cli_json(str(folder), "--jobs", "3") == expected


def test_default_jobs_use_every_core_for_big_stories_only(monkeypatch):
    pools = []

    class RecordedPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers):
            pools.append(max_workers)
            super().__init__(max_workers)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", RecordedPool)
    expected = one_process_json(CLUSTER)
    files = len(parallel.source_files([CLUSTER])[0])
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", files + 1)
    assert cli_json(str(CLUSTER)) == expected
    assert pools == []
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", files)
    assert cli_json(str(CLUSTER)) == expected
    cores = parallel.usable_cores()
    assert pools == ([cores] if cores > 1 else [])


def test_progress_hears_of_every_file():
    heard = []
    parallel.check_stories([[SEEDS], [CLUSTER]], load_rules(), jobs=2, progress=lambda done, total: heard.append((done, total)))
    total = len(parallel.source_files([SEEDS])[0]) + len(parallel.source_files([CLUSTER])[0])
    assert sum(done for done, _ in heard) == total
    assert {t for _, t in heard} == {total}


def test_several_stories_in_a_pool_match_each_alone():
    reports = parallel.check_stories([[SEEDS], [CLUSTER]], load_rules(), jobs=2)
    assert [render(r, OutputFormat.JSON) for r in reports] == [one_process_json(SEEDS), one_process_json(CLUSTER)]
    assert len(reports[1].sources) == len(list(CLUSTER.glob("*.txt")))


def test_chunks_cover_every_file_in_order():
    files, _ = parallel.source_files([CLUSTER])
    chunks = parallel._chunks(files, workers=2)
    assert len(chunks) > 2
    assert [f for chunk in chunks for f in chunk] == files


def test_chunks_shrink_toward_the_end_so_workers_finish_together():
    sizes = [len(chunk) for chunk in parallel._chunks(list(range(10_000)), workers=2)]
    assert sum(sizes) == 10_000
    assert sizes[0] == parallel.MAX_CHUNK_FILES
    assert sizes == sorted(sizes[:-1], reverse=True) + sizes[-1:]  # never growing, the remainder last
    assert min(sizes[:-1]) == parallel.MIN_CHUNK_FILES
    # A small story keeps its even split: three files on one worker are three chunks, each heard of.
    assert [len(chunk) for chunk in parallel._chunks(list(range(3)), workers=1)] == [1, 1, 1]


def test_the_cyclic_collector_is_paused_for_a_check_and_left_as_it_was():
    import gc

    assert gc.isenabled()
    seen = []
    parallel.check_stories([[SEEDS]], load_rules(), progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen and not any(seen) and gc.isenabled()
    gc.disable()
    try:
        parallel.check_stories([[SEEDS]], load_rules())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_duplicate_source_ids_fail_as_in_one_process():
    with pytest.raises(SourceError) as one:
        load_sources([SEEDS, SEEDS])
    with pytest.raises(SourceError) as many:
        parallel.check_stories([[SEEDS, SEEDS]], load_rules(), jobs=2)
    assert str(many.value) == str(one.value)


def test_a_missing_path_is_a_one_line_error():
    result = CliRunner().invoke(main, ["report", str(SEEDS / "missing"), "--jobs", "2"])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


def test_scheduler_without_dask_executor_is_refused():
    result = CliRunner().invoke(main, ["report", str(SEEDS), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--scheduler needs --executor dask" in result.output


def test_dask_executor_without_dask_installed_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import now fails
    result = CliRunner().invoke(main, ["report", str(SEEDS), "--engine", "dask"])
    assert result.exit_code == 2
    assert "crosscheck-claims[dask]" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unreachable_scheduler_is_a_one_line_error(monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 1)
    result = CliRunner().invoke(main, ["report", str(SEEDS), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_dask_cluster_gives_byte_identical_reports():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        for folder in STORIES:
            assert cli_json(str(folder), "--executor", "dask", "--scheduler", address) == one_process_json(folder)
        # One story's chunks come back in file order whatever finishes first, each told to progress.
        heard = []
        (report,) = parallel.check_stories(
            [[CLUSTER]], load_rules(), executor="dask", scheduler=address, progress=lambda done, total: heard.append((done, total)),
        )
        assert render(report, OutputFormat.JSON) == one_process_json(CLUSTER)
        files = len(parallel.source_files([CLUSTER])[0])
        assert len(heard) > 1 and sum(done for done, _ in heard) == files and {t for _, t in heard} == {files}
        # Several stories: each story's alignment and rules run as their own task.
        reports = parallel.check_stories([[SEEDS], [CLUSTER]], load_rules(), executor="dask", scheduler=address)
        assert [render(r, OutputFormat.JSON) for r in reports] == [one_process_json(SEEDS), one_process_json(CLUSTER)]
        # An error on a worker comes back as the same error.
        with pytest.raises(SourceError, match="already used"):
            parallel.check_stories([[SEEDS, SEEDS]], load_rules(), executor="dask", scheduler=address)
        # The store's runs read their new files on the cluster too, and store the same run.
        assert _stored_run(CLUSTER, "--executor", "dask", "--scheduler", address) == _stored_run(CLUSTER)


def _stored_run(folder, *args: str) -> tuple[str, dict]:
    """What `crosscheck check` prints and stores for a first run of ``folder`` in a fresh store."""
    with tempfile.TemporaryDirectory() as scratch:
        store = Path(scratch) / "store.db"
        result = CliRunner().invoke(
            main, ["check", str(folder), "--store", str(store), "--format", "json", "--fail-on", "never", *args],
        )
        assert result.exit_code == 0, result.output
        with Store(store) as opened:
            return result.output, opened.last_run(folder.name).report


def test_store_runs_extract_new_files_in_several_processes_with_the_same_result():
    assert _stored_run(CLUSTER, "--jobs", "2") == _stored_run(CLUSTER, "--jobs", "1")
