"""The contribution plumbing: workflows pinned and least-privileged, issue forms that match the site's links,
local-only pre-commit hooks, and a yamllint config under which the real bank is clean."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
FORMS = REPO / ".github/ISSUE_TEMPLATE"


def load(path):
    return yaml.safe_load(path.read_text())


def steps(workflow):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version():
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$", line), f"{path.name}: {line.strip()}"


def test_no_workflow_uses_secrets_or_expands_context_inside_shell():
    for path in WORKFLOWS:
        assert "secrets." not in path.read_text(), path.name
        for step in steps(load(path)):
            assert "${{" not in step.get("run", ""), f"{path.name}: pass context through env, not into the script"


def test_pull_request_checks_are_read_only_and_compare_ids_with_the_base():
    wf = load(REPO / ".github/workflows/pull-request.yml")
    assert wf[True] == {"pull_request": None}  # PyYAML reads the bare key "on" as True
    assert wf["permissions"] == {"contents": "read"}
    job = wf["jobs"]["test"]
    assert job["container"] == "debian:bookworm"
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in job["steps"]]
    assert any("chromium" in r for r in runs) and "make test" in runs
    assert any('qbank check-ids --base "origin/$BASE_REF"' in r for r in runs)


def test_deploy_sets_site_and_repository_urls_from_the_github_context():
    wf = load(REPO / ".github/workflows/deploy.yml")
    assert wf[True]["push"] == {"branches": ["main"]}
    build = next(s for s in wf["jobs"]["build"]["steps"] if s.get("run") == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_link_check_may_fail_and_then_opens_an_issue():
    wf = load(REPO / ".github/workflows/link-check.yml")
    check, report = [s for s in steps(wf) if s.get("id") == "check" or "gh issue create" in s.get("run", "")]
    assert check["continue-on-error"] is True
    assert report["if"] == "steps.check.outcome == 'failure'"


def test_the_report_a_problem_link_matches_the_correction_form():
    from types import SimpleNamespace
    from urllib.parse import parse_qs, urlsplit

    from qbank.render.pages import report_url

    query = parse_qs(urlsplit(report_url(SimpleNamespace(id="kv-cache"))).query)
    form = load(FORMS / query["template"][0])
    inputs = {item.get("id"): item for item in form["body"]}
    fields = set(query) - {"template", "title", "labels"}
    assert fields == {"question-id"} and fields <= set(inputs)
    assert inputs["evidence"]["validations"]["required"] is True
    assert {p.name for p in FORMS.iterdir()} >= {"answer-correction.yml", "new-question.yml", "coverage-gap.yml", "config.yml"}


def test_pre_commit_hooks_are_local_only():
    config = load(REPO / ".pre-commit-config.yaml")
    assert [r["repo"] for r in config["repos"]] == ["local"]
    assert {h["id"] for h in config["repos"][0]["hooks"]} == {"yamllint", "ruff", "qbank-validate"}


def test_yamllint_passes_on_the_real_bank_and_the_repository_yaml():
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "-c", ".yamllint", "--strict", "questions", ".github", ".pre-commit-config.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:]
