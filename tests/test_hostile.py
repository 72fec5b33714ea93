"""Every row of the hostile-input table (benchmarks/hostile.py) as a test: each case runs in its
own process under ``prlimit --as`` and a time limit, so a regression fails its row instead of
filling the machine's memory or hanging the suite."""

import importlib.util
import pathlib
import shutil
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent

_spec = importlib.util.spec_from_file_location("hostile", REPO / "benchmarks" / "hostile.py")
hostile = importlib.util.module_from_spec(_spec)
sys.modules["hostile"] = hostile
_spec.loader.exec_module(hostile)

pytestmark = pytest.mark.skipif(shutil.which("prlimit") is None,
                                reason="prlimit (util-linux) caps each case's memory")


@pytest.mark.parametrize("case", hostile.CASES, ids=[c.name for c in hostile.CASES])
def test_hostile_case(case):
    result = hostile.run_case(case)
    if result.skipped:
        pytest.skip(result.skipped)
    assert result.ok, (
        f"{case.name} ({case.what}): " + "; ".join(result.problems)
        + f" | stderr: {result.stderr_line}"
    )


def test_every_case_has_a_bound_and_a_distinct_name():
    names = [c.name for c in hostile.CASES]
    assert len(names) == len(set(names)) >= 15
    assert all(0 < c.peak_mb <= c.address_space_mb for c in hostile.CASES)
    assert all(c.exit in (0, 2) for c in hostile.CASES)  # never 1 (flags) nor 3 (a crash)


def test_the_command_carries_the_memory_cap():
    case = hostile.CASES[0]
    cmd = hostile.command(case, ["check"])
    assert cmd[:2] == ["prlimit", f"--as={case.address_space_mb * 1024 * 1024}"]
    assert cmd[-3:] == ["-m", "compare", "check"]


def test_streamlit_listens_on_localhost_unless_told_otherwise():
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["address"] == "localhost"
    readme = (REPO / "README.md").read_text("utf-8")
    assert "streamlit run streamlit_app.py --server.address localhost" in readme
