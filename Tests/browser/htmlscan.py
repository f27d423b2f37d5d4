"""Fast static scan of built HTML files with html.parser (no browser)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src"}


@dataclass
class PageScan:
    ids: list[str] = field(default_factory=list)
    links: list[tuple[str, str, int]] = field(default_factory=list)  # (tag, url, line)
    html_lang: str | None = None
    h1_count: int = 0
    tags: list[str] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs)

    def _tag(self, tag, attrs):
        a = dict(attrs)
        s = self.scan
        s.tags.append(tag)
        if a.get("id") is not None:
            s.ids.append(a["id"])
        if tag == "html":
            s.html_lang = a.get("lang")
        if tag == "h1":
            s.h1_count += 1
        attr = LINK_ATTRS.get(tag)
        if attr and a.get(attr) is not None:
            s.links.append((tag, a[attr], self.getpos()[0]))


_cache: dict[Path, PageScan] = {}


def scan(path: Path) -> PageScan:
    path = path.resolve()
    if path not in _cache:
        parser = _Scanner()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        _cache[path] = parser.scan
    return _cache[path]
