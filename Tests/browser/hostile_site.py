"""Writes a hostile content folder (XSS payloads in every text field) for the portal binary."""
from __future__ import annotations

import csv
import io
from pathlib import Path

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
JS_LINK = "[x](javascript:window.__pwned=1)"
SVG = '"><svg onload=window.__pwned=1>'
ATTR = '" onmouseover="window.__pwned=1'
CLOSE = "</script><script>window.__pwned=1</script>"
LS = "\u2028"  # LINE SEPARATOR: breaks pre-ES2019 JS string literals
SCHEME_NAME = "javascript:window.__pwned=1"
ALL = f"{SCRIPT} {IMG} {SVG} {ATTR} {CLOSE} {LS}x"

CSV_HEADER = ["id", "name", "provider", "category", "pentest", "registered_on", "registrar", "url", "summary"]


def yq(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace(LS, "\\L") + '"'


def write_hostile_content(root: Path) -> Path:
    content = root / "content"
    (content / "guidance").mkdir(parents=True)
    (content / "services").mkdir(parents=True)

    (content / "site.yml").write_text(
        "\n".join([
            f"title: {yq('Hostile ' + SCRIPT + ' ' + SVG + ' ' + ATTR)}",
            f"description: {yq('desc ' + ALL)}",
            "language: ja",
            "allow_raw_html: false",
            "navigation:",
            f"  - title: {yq('Home ' + SCRIPT)}",
            "    path: index.html",
            f"  - title: {yq('Guide ' + IMG)}",
            "    path: guidance/evil.html",
            f"  - title: {yq('Registry ' + ATTR)}",
            "    path: services/index.html",
            "",
        ]),
        encoding="utf-8",
    )

    front = "\n".join([
        "---",
        f"title: {yq('Evil ' + SCRIPT + ' ' + SVG)}",
        f"summary: {yq('Summary ' + IMG + ' ' + ATTR + ' ' + CLOSE + LS)}",
        "updated: 2024-12-12",
        "order: 1",
        f"tags: [{yq(SCRIPT)}, {yq(SVG)}, {yq(ATTR)}]",
        "slug: evil",
        "sources:",
        f"  - title: {yq('Source ' + SCRIPT + ' ' + SVG)}",
        "    url: \"https://example.com/?a=1&b=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E\"",
        f"  - title: {yq(ATTR + ' ' + CLOSE)}",
        "    url: \"https://example.com/source\"",
        "---",
        "",
    ])
    body = "\n".join([
        f"## Heading {SCRIPT} {SVG}",
        "",
        f"Paragraph {SCRIPT} and {IMG} and {SVG} and {ATTR} and {CLOSE}{LS}end.",
        "",
        f"A link {JS_LINK} and [y](JaVaScRiPt:window.__pwned=1) and [z](data:text/html,{SCRIPT.replace(' ', '%20')}).",
        "",
        "[ok](https://example.com/\"onmouseover=\"window.__pwned=1)",
        "",
        f"<div onmouseover=\"window.__pwned=1\">raw div</div>",
        "",
        SCRIPT,
        "",
        IMG,
        "",
        "```table caption=\"cap <script>window.__pwned=1</script>\"",
        "h1,h2",
        f"\"{SCRIPT}\",\"{ATTR.replace(chr(34), chr(34) * 2)}\"",
        "```",
        "",
        "> [!WARNING]",
        f"> {SCRIPT} {IMG}",
        "",
        f"### Sub {ATTR}",
        "",
        f"`{SCRIPT}`",
        "",
        "```",
        CLOSE,
        "```",
        "",
        "## Anchor {#anchor}",
        "",
        "[in page](#anchor) and [second](second.md)",
        "",
        f"Files named like scripts: [encoded]({SCHEME_NAME.replace(':', '%3A')}) and [dotted](<./{SCHEME_NAME}>).",
        "",
    ])
    (content / "guidance" / "evil.md").write_text(front + body, encoding="utf-8")
    # An attachment whose name reads as a URL scheme: linked, it must stay a file.
    (content / "guidance" / SCHEME_NAME).write_text("just a file\n", encoding="utf-8")

    second = "\n".join([
        "---",
        f"title: {yq('Second ' + CLOSE)}",
        "updated: 2023-01-01",
        "order: 2",
        "---",
        "",
        "Back to [evil](evil.md).",
        "",
    ])
    (content / "guidance" / "second.md").write_text(second, encoding="utf-8")

    cats = [
        ("audit", False), ("vulnerability", True), ("forensics", False), ("monitoring", False), ("device", False),
    ]
    lines = ["categories:"]
    for i, (cid, pentest) in enumerate(cats, 1):
        lines += [
            f"  - id: {cid}",
            f"    name: {yq(cid + ' name ' + SCRIPT + ' ' + CLOSE)}",
            f"    label: {yq(cid + ' ' + ATTR)}",
            f"    description: {yq(cid + ' ' + ALL)}",
            f"    order: {i}",
            f"    aliases: [{yq(cid + ' alias ' + SVG)}]",
            f"    pentest_option: {'true' if pentest else 'false'}",
            "",
        ]
    (content / "services" / "categories.yml").write_text("\n".join(lines), encoding="utf-8")

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    payloads = [SCRIPT, ATTR, CLOSE, IMG, SVG, LS + "line" + LS]
    n = 0
    for cid, pentest in cats:
        for j in range(3):
            n += 1
            p = payloads[(n + j) % len(payloads)]
            w.writerow([
                f"svc-{n:04d}",
                f"Name {n} {p} {ALL}",
                f"Provider {ATTR} {p}",
                cid if j else f"{cid} alias {SVG}",
                ("true" if j % 2 else "false") if pentest else "",
                "2024-01-0" + str(j + 1),
                f"Registrar {CLOSE}",
                f"https://example.com/svc-{n}?x=%22onmouseover=%22",
                f"Summary vpn {p} {ALL}",
            ])
    (content / "services" / "services.csv").write_text(out.getvalue(), encoding="utf-8")
    return content
