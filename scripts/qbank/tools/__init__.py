"""Contributor and maintainer commands: new, drill, stats, check-ids, link check, bench, schema; and the code
runner they share with the tests."""
