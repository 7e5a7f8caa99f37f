"""The store: what scheduled checks remember between runs (SQLite, one file)."""
from .sqlite import DEFAULT_PATH, DEFAULT_TIMEOUT, SCHEMA_VERSION, Run, SourceUpdate, Store, StoredSource
from .update import UpdateResult, default_story_name, hashed_files, update_story

__all__ = [
    "DEFAULT_PATH", "DEFAULT_TIMEOUT", "SCHEMA_VERSION", "Run", "SourceUpdate", "Store", "StoredSource",
    "UpdateResult", "default_story_name", "hashed_files", "update_story",
]
