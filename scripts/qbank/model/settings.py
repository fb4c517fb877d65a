"""Site-wide settings that come from the environment. The deploy workflow sets both from the GitHub context."""

from __future__ import annotations

import os

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
# A placeholder until the deploy workflow provides the real repository URL.
DEFAULT_REPO_URL = "https://github.com/genai-interview-bank/genai-interview-bank"


def site_url() -> str:
    url = os.environ.get("SITE_URL", "").strip() or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def repo_url() -> str:
    return (os.environ.get("REPO_URL", "").strip() or DEFAULT_REPO_URL).rstrip("/")


def repo_branch() -> str:
    return os.environ.get("REPO_BRANCH", "").strip() or "main"
