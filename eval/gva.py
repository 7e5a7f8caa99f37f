"""Score crosscheck on the hand-labelled gva stories of eval/gva/, one split at a time.

    .venv/bin/python eval/gva.py tune|score [--why] [--crosscheck EXE]

The articles stay in ../shared/corpora/gva; this builds a scratch corpus root
whose story folders hold copies of them and of the key written here, then runs the
corpus's own score.py on it (its last line is the figure to quote).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpora" / "gva"


def scratch_root(stories: list[str], root: Path) -> None:
    for story in stories:
        folder = root / story
        folder.mkdir()
        # Copies, not links: crosscheck does not follow links out of the folder it is given.
        for article in (CORPUS / story).glob("*.md"):
            shutil.copyfile(article, folder / article.name)
        shutil.copyfile(HERE / "gva" / story / "answer-key.yaml", folder / "answer-key.yaml")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["tune", "score"])
    parser.add_argument("--why", action="store_true", help="say why each item was missed")
    parser.add_argument("--crosscheck", help="the crosscheck executable (default: this Python's)")
    args = parser.parse_args()
    stories = yaml.safe_load((HERE / "gva" / "split.yaml").read_text())[args.split]
    crosscheck = args.crosscheck or Path(sys.executable).parent / "crosscheck"
    with tempfile.TemporaryDirectory() as tmp:
        scratch_root(stories, Path(tmp))
        command = [sys.executable, str(CORPUS / "score.py"), str(crosscheck), "--root", tmp]
        return subprocess.run(command + (["--why"] if args.why else [])).returncode


if __name__ == "__main__":
    sys.exit(main())
