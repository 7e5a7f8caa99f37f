from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
ECBPLUS = SHARED / "corpora" / "ecbplus"


@pytest.fixture(scope="session")
def ecbplus_dir() -> Path:
    if not ECBPLUS.is_dir():
        pytest.skip("the shared ECB+ corpus is not checked out beside the repository")
    return ECBPLUS


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("the shared seeds are not checked out beside the repository")
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts(seeds_dir) -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}
