#!/usr/bin/env python3
"""Deterministic benchmark corpus for `portal build`, Hugo and the cmark CLI.

    python3 bench/gen_corpus.py --pages N --out DIR [--seed S]

Writes the same N Japanese guidance pages three ways:

  DIR/portal/content/site.yml, DIR/portal/content/guidance/page-00001.md ...
  DIR/hugo/   a minimal Hugo site (hugo.toml, layouts/, content/guidance/...)
  DIR/cmark/all.md   every page body (front matter stripped), concatenated

Each page is ~2-4 KB: YAML front matter (title, summary, updated, order, tags,
sources), `##`/`###` headings with explicit `{#id}`, paragraphs, bullet and
numbered lists, one ```table CSV block, 2-4 links to other pages of the corpus
(some to a heading id that exists there) and one external link.

Output depends only on --pages and --seed: page i is generated from its own
RNG, so pages are stable across runs (links and sizes depend on N).
"""

import argparse
import os
import random
import shutil
import sys

# --- vocabulary ---------------------------------------------------------------

# (Japanese topic, ASCII id stem)
TOPICS = [
    ("ランサムウェア対策", "ransomware"),
    ("脆弱性管理", "vulnerability"),
    ("VPN機器の更新", "vpn"),
    ("バックアップ", "backup"),
    ("警察への通報", "report"),
    ("ログ保全", "logs"),
    ("初動対応", "first-response"),
    ("パッチ適用", "patch"),
    ("アクセス権限の管理", "access"),
    ("多要素認証", "mfa"),
    ("標的型メール", "phishing"),
    ("サプライチェーン対策", "supply-chain"),
    ("インシデント対応体制", "csirt"),
    ("IT資産管理", "assets"),
    ("従業員教育", "training"),
    ("事業継続と復旧", "recovery"),
    ("外部公開サーバ", "public-server"),
    ("クラウド設定", "cloud"),
    ("委託先管理", "vendor"),
    ("被害の公表", "disclosure"),
]

ASPECTS = ["基本", "手順", "確認項目", "よくある誤り", "平時の備え", "体制づくり",
           "点検のポイント", "事例から学ぶ", "経営者の役割", "担当者向けの解説"]

# (heading text, id suffix)
SECTIONS = [
    ("概要", "overview"), ("背景", "background"), ("想定される被害", "impact"),
    ("平時の備え", "preparation"), ("発生時の対応", "response"), ("確認すること", "checks"),
    ("通報と相談", "contact"), ("ログの保全", "evidence"), ("復旧の進め方", "restore"),
    ("再発防止", "prevention"), ("経営者が決めること", "management"), ("よくある質問", "faq"),
    ("用語の整理", "terms"), ("関連する制度", "policy"), ("点検の頻度", "schedule"),
]
SUBSECTIONS = [
    ("小規模な組織の場合", "small"), ("委託先がある場合", "outsourced"), ("テレワーク環境", "remote"),
    ("クラウドを使う場合", "cloud"), ("夜間・休日の対応", "offhours"), ("記録の残し方", "records"),
    ("優先順位の付け方", "priority"), ("判断に迷ったら", "unsure"),
]

SUBJECTS = ["経営者", "情報システム担当者", "従業員", "委託先の事業者", "中小企業", "総務部門",
            "CSIRT", "取引先", "システム管理者", "現場の責任者"]
OBJECTS = ["VPN機器のファームウェア", "バックアップデータ", "アクセスログ", "管理者アカウント",
           "脆弱性情報", "重要なファイル", "ネットワーク構成図", "外部接続機器の一覧",
           "復旧手順書", "通報先の連絡先", "リモートデスクトップの設定", "パスワードの管理状況",
           "ウイルス対策ソフトの定義ファイル", "ファイアウォールの設定", "メールの添付ファイル",
           "サーバのイベントログ", "クラウドサービスの権限設定", "業務委託契約の条項"]
VERBS = ["を定期的に確認します", "を最新の状態に保つ必要があります", "をオフラインで保管してください",
         "を少なくとも一年間保存することが推奨されます", "を早めに確保しておくことが重要です",
         "を関係者と共有しておきます", "を手順書にまとめておくと安心です", "を見直す機会を設けましょう",
         "を棚卸しして不要なものを削除します", "を第三者に点検してもらうことも有効です"]
CONDITIONS = ["ランサムウェアに感染した", "不審な通信を検知した", "脆弱性が公表された",
              "VPN機器の認証情報が漏えいした", "データが暗号化された", "脅迫メールが届いた",
              "取引先から不審な連絡があった", "端末の動作が急に遅くなった",
              "身に覚えのないログインがあった", "バックアップが失敗していた"]
ACTIONS = ["ネットワークから端末を切り離してください", "最寄りの警察署に通報・相談してください",
           "ログを消さずに保全してください", "経営者に速やかに報告してください",
           "被害の範囲を記録しておきます", "パスワードを変更し多要素認証を有効にします",
           "復旧の優先順位を決めます", "取引先への連絡の要否を判断します",
           "専門の事業者に調査を依頼することも検討します", "機器の初期化は相談の後に行います"]
REASONS = ["攻撃者はログを消したり暗号化したりすることが多い",
           "公表された脆弱性はすぐに悪用される",
           "オンラインのバックアップは一緒に暗号化されることがある",
           "VPN機器が侵入口になった事例が多い",
           "初動の遅れが被害の拡大につながる",
           "委託先経由で侵入される例も報告されている",
           "復旧には想定以上の時間と費用がかかる"]
TAGS = ["ランサムウェア", "脆弱性", "VPN機器", "バックアップ", "通報", "ログ保全", "初動対応",
        "パッチ", "多要素認証", "標的型攻撃", "サプライチェーン", "CSIRT", "教育", "復旧", "委託先"]
SOURCES = [
    ("警察庁 都道府県警察のサイバー犯罪相談窓口", "https://www.npa.go.jp/bureau/cyber/soudan.html"),
    ("IPA 情報セキュリティ", "https://www.ipa.go.jp/security/"),
    ("JPCERT/CC インシデント対応", "https://www.jpcert.or.jp/"),
    ("経済産業省 サイバーセキュリティ経営ガイドライン", "https://www.meti.go.jp/policy/netsecurity/mng_guide.html"),
    ("NISC 内閣サイバーセキュリティセンター", "https://www.nisc.go.jp/"),
    ("IPA 中小企業の情報セキュリティ対策ガイドライン", "https://www.ipa.go.jp/security/guide/sme/about.html"),
    ("警察庁 サイバー警察局", "https://www.npa.go.jp/bureau/cyber/"),
]
EXTERNAL = [
    ("JVN 脆弱性対策情報", "https://jvn.jp/"),
    ("IPA 重要なセキュリティ情報", "https://www.ipa.go.jp/security/security-alert/"),
    ("JPCERT/CC 注意喚起", "https://www.jpcert.or.jp/at/"),
    ("NISC 普及啓発", "https://security-portal.nisc.go.jp/"),
    ("No More Ransom", "https://www.nomoreransom.org/ja/index.html"),
]
TABLE_SHAPES = [
    (["項目", "頻度", "担当"], [OBJECTS, ["毎日", "毎週", "毎月", "四半期ごと", "年1回"], SUBJECTS]),
    (["状況", "対応", "連絡先"], [CONDITIONS, ACTIONS, ["警察署", "IPA", "JPCERT/CC", "委託先", "経営者"]]),
    (["対策", "目的", "優先度"], [OBJECTS, REASONS, ["高", "中", "低"]]),
]

LINK = "\x00"  # internal link placeholder: \x00slug\x01id\x00 ; rewritten per tool


def plan_pages(n, seed):
    """Pass 1: title and heading ids of every page, so links can target real headings."""
    plans = []
    for i in range(1, n + 1):
        rng = random.Random(f"{seed}/plan/{i}")
        topic, stem = TOPICS[rng.randrange(len(TOPICS))]
        aspect = rng.choice(ASPECTS)
        secs = rng.sample(SECTIONS, rng.randint(2, 4))
        sections = []
        for k, (text, suffix) in enumerate(secs, 1):
            sid = f"{stem}-{suffix}"
            subs = []
            if rng.random() < 0.3:
                stext, ssuffix = rng.choice(SUBSECTIONS)
                subs.append((stext, f"{sid}-{ssuffix}"))
            sections.append((text, sid, subs))
        plans.append({
            "slug": f"page-{i:05d}",
            "title": f"{topic}の{aspect}（{i}）",
            "topic": topic,
            "sections": sections,
        })
    return plans


def sentence(rng):
    form = rng.randrange(5)
    if form == 0:
        return f"{rng.choice(SUBJECTS)}は、{rng.choice(OBJECTS)}{rng.choice(VERBS)}。"
    if form == 1:
        return f"{rng.choice(CONDITIONS)}場合は、{rng.choice(ACTIONS)}。"
    if form == 2:
        return f"{rng.choice(REASONS)}ため、{rng.choice(OBJECTS)}{rng.choice(VERBS)}。"
    if form == 3:
        return f"特に**{rng.choice(OBJECTS)}**については、{rng.choice(SUBJECTS)}が責任を持って確認します。"
    return f"{rng.choice(SUBJECTS)}と{rng.choice(SUBJECTS)}は、{rng.choice(CONDITIONS)}ときの連絡手順を決めておきます。"


def paragraph(rng, lo=2, hi=4):
    return "".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


def bullet_list(rng, numbered):
    items = []
    for k in range(rng.randint(3, 5)):
        text = f"{rng.choice(OBJECTS)}{rng.choice(VERBS)}" if rng.random() < 0.5 else rng.choice(ACTIONS)
        items.append(f"{k + 1}. {text}" if numbered else f"- {text}")
    return "\n".join(items)


def table_block(rng):
    header, columns = rng.choice(TABLE_SHAPES)
    rows = [",".join(header)]
    for _ in range(rng.randint(4, 8)):
        rows.append(",".join(rng.choice(col) for col in columns))
    info = "table"
    if rng.random() < 0.5:
        info = f'table caption="{rng.choice(TOPICS)[0]}の一覧"'
    return "```" + info + "\n" + "\n".join(rows) + "\n```"


def build_page(i, plans, seed):
    """Pass 2: front matter (as a dict) and body (with link placeholders)."""
    n = len(plans)
    plan = plans[i - 1]
    rng = random.Random(f"{seed}/page/{i}")
    year = rng.choice([2023, 2024, 2025])
    updated = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    front = {
        "title": plan["title"],
        "summary": f"{plan['topic']}について、{rng.choice(SUBJECTS)}が押さえておくべき点を説明します。",
        "updated": updated,
        "order": rng.randint(1, 1000),
        "tags": rng.sample(TAGS, rng.randint(1, 4)),
        "sources": rng.sample(SOURCES, rng.randint(1, 3)),
    }

    # Each section is a list of blocks; [0] is its heading.
    sections = []
    for text, sid, subs in plan["sections"]:
        blocks = [f"## {text} {{#{sid}}}", paragraph(rng, 1, 2)]
        if rng.random() < 0.4:
            blocks.append(bullet_list(rng, numbered=rng.random() < 0.4))
        for stext, ssid in subs:
            blocks += [f"### {stext} {{#{ssid}}}", paragraph(rng, 1, 1)]
        sections.append(blocks)

    # Exactly one table, one external link, 2-4 internal links (when there are other pages).
    sections[rng.randrange(len(sections))].append(table_block(rng))
    ext_title, ext_url = rng.choice(EXTERNAL)
    sections[rng.randrange(len(sections))].append(
        f"最新の情報は[{ext_title}]({ext_url})で確認できます。{sentence(rng)}")
    if n > 1:
        for _ in range(rng.randint(2, 4)):
            j = rng.randrange(1, n)  # 1..n-1, skipping i
            if j >= i:
                j += 1
            target = plans[j - 1]
            anchor = ""
            if rng.random() < 0.6:
                _, sid, subs = rng.choice(target["sections"])
                anchor = rng.choice([sid] + [s for _, s in subs])
            link = f"[{target['title']}]({LINK}{target['slug']}\x01{anchor}{LINK})"
            sections[rng.randrange(len(sections))].append(
                f"{rng.choice(REASONS)}ため、あわせて{link}も参照してください。")
    if rng.random() < 0.3:
        kind = rng.choice(["NOTE", "WARNING"])
        sections[rng.randrange(len(sections))].append(f"> [!{kind}]\n> {sentence(rng)}")

    intro = paragraph(rng, 1, 2)

    def render():
        return intro + "\n\n" + "\n\n".join("\n\n".join(b) for b in sections) + "\n"

    # Grow to a target size of 2-4 KB per file (front matter is ~0.5 KB): one sentence at a time.
    target = rng.randint(1400, 3300)
    body = render()
    while len(body.encode("utf-8")) < target:
        blocks = sections[rng.randrange(len(sections))]
        if rng.random() < 0.3 or blocks[-1][0] in "#`>-0123456789":
            blocks.append(sentence(rng))
        else:
            blocks[-1] += sentence(rng)
        body = render()
    return front, body


def rewrite_links(body, fmt):
    """Replace link placeholders with fmt(slug, anchor)."""
    out = []
    parts = body.split(LINK)
    # parts alternate: text, placeholder, text, ...
    for k, part in enumerate(parts):
        if k % 2 == 1:
            slug, anchor = part.split("\x01")
            out.append(fmt(slug, anchor))
        else:
            out.append(part)
    return "".join(out)


def portal_link(slug, anchor):
    return f"{slug}.md" + (f"#{anchor}" if anchor else "")


def hugo_link(slug, anchor):
    return f"../{slug}/" + (f"#{anchor}" if anchor else "")


def q(s):
    """YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def portal_front(f):
    lines = ["---", f"title: {q(f['title'])}", f"summary: {q(f['summary'])}",
             f"updated: {f['updated']}", f"order: {f['order']}",
             "tags: [" + ", ".join(f["tags"]) + "]", "sources:"]
    for title, url in f["sources"]:
        lines += [f"  - title: {q(title)}", f"    url: {q(url)}"]
    lines.append("---")
    return "\n".join(lines) + "\n"


def hugo_front(f):
    lines = ["---", f"title: {q(f['title'])}", f"summary: {q(f['summary'])}",
             f"date: {f['updated']}", f"weight: {f['order']}",
             "tags: [" + ", ".join(f["tags"]) + "]", "sources:"]
    for title, url in f["sources"]:
        lines += [f"  - title: {q(title)}", f"    url: {q(url)}"]
    lines.append("---")
    return "\n".join(lines) + "\n"


SITE_TITLE = "サイバーセキュリティ対策ポータル（ベンチマーク）"
SITE_DESC = "ベンチマーク用に自動生成したガイダンスです。"

PORTAL_SITE_YML = f"""title: {SITE_TITLE}
description: {SITE_DESC}
language: ja
allow_raw_html: false
navigation:
  - title: ホーム
    path: index.html
  - title: ガイダンス
    path: guidance/index.html
"""

HUGO_TOML = f"""baseURL = "https://portal.example.jp/"
languageCode = "ja"
defaultContentLanguage = "ja"
hasCJKLanguage = true
title = "{SITE_TITLE}"
relativeURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]

[params]
description = "{SITE_DESC}"

[markup.goldmark.renderer]
unsafe = false

[markup.goldmark.parser.attribute]
title = true

[markup.highlight]
codeFences = false

[markup.tableOfContents]
startLevel = 2
endLevel = 3
ordered = true
"""

HUGO_HEAD = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="stylesheet" href="{{ "assets/portal.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">本文へ移動</a>
<header class="site-header">
<p class="site-title"><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></p>
<nav class="site-nav" aria-label="サイト内の主なページ">
<ul>
<li><a href="{{ "/" | relURL }}">ホーム</a></li>
<li><a href="{{ "guidance/" | relURL }}">ガイダンス</a></li>
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
"""

HUGO_FOOT = """</main>
<footer class="site-footer">
<p>{{ .Site.Title }}：{{ .Site.Params.description }}</p>
</footer>
</body>
</html>
"""

HUGO_SINGLE = HUGO_HEAD + """<article class="guidance">
<header class="page-header">
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
<p class="meta">最終更新：<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time></p>
</header>
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">このページの内容</h2>
{{ .TableOfContents }}
</nav>
<div class="content">
{{ .Content }}
</div>
{{ with .Params.sources }}
<section class="sources" aria-labelledby="sources-title">
<h2 id="sources-title">出典</h2>
<ul>
{{ range . }}<li><a class="external" href="{{ .url }}" rel="noopener noreferrer">{{ .title }}</a></li>
{{ end }}
</ul>
</section>
{{ end }}
</article>
""" + HUGO_FOOT

HUGO_LIST = HUGO_HEAD + """<h1>{{ .Title }}</h1>
<ul class="card-list">
{{ range .Pages.ByWeight }}<li class="card"><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}<p class="meta">最終更新：<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time></p></li>
{{ end }}
</ul>
""" + HUGO_FOOT

HUGO_INDEX = HUGO_HEAD + """<section class="hero">
<h1>{{ .Site.Title }}</h1>
<p class="lead">{{ .Site.Params.description }}</p>
</section>
<section>
<h2>ガイダンス</h2>
<ul class="card-list">
{{ range .Site.RegularPages.ByWeight }}<li class="card"><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}
</ul>
</section>
<section>
<h2>最近の更新</h2>
<ul class="updates">
{{ range first 10 .Site.RegularPages.ByDate.Reverse }}<li><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
</section>
""" + HUGO_FOOT

HUGO_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.7}
.skip-link{position:absolute;left:-999px}.site-nav ul{display:flex;gap:1rem;list-style:none;padding:0}
pre{overflow:auto;background:#f4f4f4;padding:.5rem}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", default="portal-bench-1")
    args = ap.parse_args(argv)
    if args.pages < 1:
        ap.error("--pages must be at least 1")

    out = args.out
    for sub in ("portal", "hugo", "cmark"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)

    write(os.path.join(out, "portal/content/site.yml"), PORTAL_SITE_YML)
    write(os.path.join(out, "hugo/hugo.toml"), HUGO_TOML)
    write(os.path.join(out, "hugo/layouts/_default/single.html"), HUGO_SINGLE)
    write(os.path.join(out, "hugo/layouts/_default/list.html"), HUGO_LIST)
    write(os.path.join(out, "hugo/layouts/index.html"), HUGO_INDEX)
    write(os.path.join(out, "hugo/static/assets/portal.css"), HUGO_CSS)
    write(os.path.join(out, "hugo/content/guidance/_index.md"), '---\ntitle: "ガイダンス"\n---\n')

    plans = plan_pages(args.pages, args.seed)
    portal_dir = os.path.join(out, "portal/content/guidance")
    hugo_dir = os.path.join(out, "hugo/content/guidance")
    os.makedirs(portal_dir, exist_ok=True)
    os.makedirs(hugo_dir, exist_ok=True)
    os.makedirs(os.path.join(out, "cmark"), exist_ok=True)
    total = 0
    with open(os.path.join(out, "cmark/all.md"), "w", encoding="utf-8", newline="\n") as all_md:
        for i in range(1, args.pages + 1):
            front, body = build_page(i, plans, args.seed)
            slug = plans[i - 1]["slug"]
            portal_body = rewrite_links(body, portal_link)
            text = portal_front(front) + "\n" + portal_body
            total += len(text.encode("utf-8"))
            with open(os.path.join(portal_dir, slug + ".md"), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            with open(os.path.join(hugo_dir, slug + ".md"), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(hugo_front(front) + "\n" + rewrite_links(body, hugo_link))
            all_md.write(portal_body + "\n")
    print(f"gen_corpus: {args.pages} pages, {total / args.pages / 1024:.1f} KB/page on average -> {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
