#!/usr/bin/env python3
"""Write the sample list of security services (content/services/services.csv).

Every row is an obvious placeholder: fictional providers, example.com URLs.
Only the category counts follow the real list published by IPA (December 2024):
339 services = audit 72, vulnerability 159 (12 with penetration testing),
forensics 39, monitoring 52, device 17.

Usage:
    python3 scripts/sample_services.py                 # the sample, 339 rows
    python3 scripts/sample_services.py --rows 100000 --out /tmp/services.csv

With --rows N the same proportions are kept (largest-remainder rounding).
The output is deterministic: the same arguments always give the same bytes.
Standard library only. Plain UTF-8 (no BOM), LF line endings, RFC 4180 quoting.
"""

import argparse
import csv
import datetime
import random
import sys
from pathlib import Path

SEED = 20241212
HEADER = ["id", "name", "provider", "category", "pentest",
          "registered_on", "registrar", "url", "summary"]

# Counts in the published list (2024年12月現在).
BASE_COUNTS = [
    ("audit", 72),
    ("vulnerability", 159),
    ("forensics", 39),
    ("monitoring", 52),
    ("device", 17),
]
BASE_TOTAL = 339
BASE_PENTEST = 12

# Other spellings of each category, as in content/services/categories.yml
# (name + aliases). Keep in sync by hand; this script uses the stdlib only.
CATEGORY_SPELLINGS = {
    "audit": ["情報セキュリティ監査サービス", "情報セキュリティ監査", "セキュリティ監査", "監査"],
    "vulnerability": ["脆弱性診断サービス", "脆弱性診断", "ぜい弱性診断"],
    "forensics": ["デジタルフォレンジックサービス", "デジタルフォレンジック", "フォレンジック"],
    "monitoring": ["セキュリティ監視・運用サービス", "セキュリティ監視・運用", "監視・運用"],
    "device": ["機器検証サービス", "機器検証"],
}

# {n}: per-category number (3 digits), {c}{s}: letter and 2-digit number.
NAMES = {
    "audit": [
        "サンプル情報セキュリティ監査サービス {n}",
        "情報セキュリティ管理体制監査（サンプル）{c}-{s}",
        "ISMS準拠状況レビュー（サンプル）{n}",
        "ＩＳＭＳ準拠監査サービス（サンプル）{n}",
        "クラウド利用状況監査（例示）{n}",
        "サプライチェーン・セキュリティ監査（サンプル）{n}",
        "個人情報保護体制監査 サンプル{n}",
    ],
    "vulnerability": [
        "サンプル脆弱性診断サービス {n}",
        "Webアプリケーション診断（サンプル）{c}-{s}",
        "ＷＥＢアプリケーション診断（サンプル）{n}",
        "ＶＰＮ機器診断サービス（サンプル）{n}",
        "VPN・リモートデスクトップ診断（サンプル）{n}",
        "ネットワーク脆弱性診断（例示）{n}",
        "スマートフォンアプリ診断（サンプル）{n}",
        "クラウド設定診断サービス（サンプル）{n}",
        "IoT機器ぜい弱性診断（サンプル）{n}",
    ],
    "pentest": [
        "ペネトレーションテスト付き脆弱性診断（サンプル）{n}",
        "侵入試験サービス（例示）{c}-{s}",
        "ＶＰＮ経由侵入試験（サンプル）{n}",
    ],
    "forensics": [
        "サンプルデジタルフォレンジックサービス {n}",
        "インシデント調査・フォレンジック（サンプル）{c}-{s}",
        "ランサムウェア被害調査サービス（サンプル）{n}",
        "ＰＣ・サーバ フォレンジック（サンプル）{n}",
        "EDRログ解析サービス（例示）{n}",
        "緊急フォレンジック対応（サンプル）{n}",
    ],
    "monitoring": [
        "サンプルセキュリティ監視サービス {n}",
        "SOC監視・運用サービス（サンプル）{c}-{s}",
        "ＳＯＣ運用代行（サンプル）{n}",
        "EDR運用監視サービス（例示）{n}",
        "ＥＤＲ監視サービス（サンプル）{n}",
        "UTM・ファイアウォール監視（サンプル）{n}",
        "24時間ログ監視サービス（サンプル）{n}",
    ],
    "device": [
        "サンプル機器検証サービス {n}",
        "IoT製品セキュリティ検証（サンプル）{n}",
        "ＩｏＴ機器検証サービス（サンプル）{n}",
        "ネットワークカメラ検証（例示）{c}-{s}",
        "組込み機器ファームウェア検証（サンプル）{n}",
        "ルーター・VPN機器検証（サンプル）{n}",
    ],
}

SUMMARIES = {
    "audit": [
        "情報セキュリティ管理基準に沿って規程の整備状況と運用の実態を点検し、改善点を報告書にまとめます。",
        "経営層へのヒアリングと現場の記録確認を組み合わせ、管理体制の成熟度を評価します。",
        "クラウドサービスの利用状況と委託先の管理手順を確認し、リスクと改善策を示します。",
        "サイバーセキュリティ経営ガイドラインの重要10項目を観点に、取組の実施状況を評価します。",
        "取引先を含むサプライチェーン全体の管理状況を確認し、優先すべき課題を整理します。",
    ],
    "vulnerability": [
        "公開Webサイトに疑似攻撃を行い、見つかった脆弱性を危険度別に報告します。",
        "VPN機器やリモートデスクトップなど外部に公開された機器の設定とパッチ適用状況を確認します。",
        "スマートフォンアプリと通信先のサーバを診断し、修正の優先順位を提示します。",
        "社内ネットワークの機器を対象に、既知の脆弱性や不要な公開ポートを洗い出します。",
        "クラウド環境の設定を点検し、公開範囲や権限設定の不備を指摘します。",
    ],
    "pentest": [
        "攻撃者の視点で実際に侵入を試み、重要な情報まで到達できるかを検証します。",
        "外部に公開された機器から社内ネットワークへ侵入できるかを、ペネトレーションテストで確かめます。",
    ],
    "forensics": [
        "ランサムウェアに感染した端末のディスクとメモリを保全・解析し、侵入経路と被害範囲の特定を支援します。",
        "サーバや外部接続機器のログを解析し、不正アクセスの経緯を時系列で明らかにします。",
        "情報漏えいが疑われるときに証拠を保全し、調査結果を報告書として提出します。",
        "削除されたファイルや操作の痕跡を復元し、被害の全体像の把握を支援します。",
    ],
    "monitoring": [
        "EDRやUTMのアラートを24時間体制で監視し、異常を検知したら速やかに連絡します。",
        "ファイアウォールやVPN機器のログを常時分析し、不審な通信の兆候を通知します。",
        "SOCのアナリストが検知内容を分析し、初動対応の手順を助言します。",
        "検知の状況と推奨する対策を月次の報告会で説明します。",
    ],
    "device": [
        "IoT製品を対象に、初期パスワードの扱いや通信の暗号化などの対策状況を検証します。",
        "ネットワークカメラやルーターのファームウェアを解析し、既知の脆弱性の有無を確認します。",
        "製品の出荷前にセキュリティ要件への適合状況を確認し、改善点を報告します。",
        "JC-STARの適合基準を参考に、IoT機器のセキュリティ対策状況を点検します。",
    ],
}

# A few summaries with an ASCII comma or double quotes, to exercise CSV quoting.
SUMMARIES_COMMA = {
    "audit": "規程, 手順書, 運用記録の三つの観点から管理体制を点検します。",
    "vulnerability": "Web, API, スマートフォンアプリをまとめて診断し、結果を一つの報告書で提供します。",
    "pentest": "外部, 内部の両方の立場から侵入を試み、到達できた範囲を報告します。",
    "forensics": "PC, サーバ, ネットワーク機器のログを横断的に解析します。",
    "monitoring": "EDR, UTM, ファイアウォールのアラートを一元的に監視します。",
    "device": "ルーター, ネットワークカメラ, スマート家電などのIoT機器を検証します。",
}
SUMMARIES_QUOTE = {
    "audit": "監査報告書では指摘事項を\"要改善\"と\"推奨\"に分けて示します。",
    "vulnerability": "診断結果を\"緊急\"\"高\"\"中\"\"低\"の4段階で評価し、対策の優先度を示します。",
    "pentest": "侵入に成功した経路を\"攻撃シナリオ\"として再現手順付きで報告します。",
    "forensics": "調査の初報を\"24時間以内\"に提出することを目標にしています。",
    "monitoring": "重大なアラートは\"即時連絡\"の対象として担当者へ電話で知らせます。",
    "device": "検証結果を\"適合\"と\"要改善\"の2区分で報告します。",
}

PROVIDERS = (
    [f"サンプル事業者 {k:03d}" for k in range(1, 41)]
    + [f"例示セキュリティ株式会社 {c}" for c in "ABCDEFGHIJKL"]
    + [f"架空システムズ合同会社 {k}" for k in range(1, 9)]
    + [f"ダミー情報サービス株式会社 {c}" for c in "ABCDEF"]
)
REGISTRARS = ["審査登録機関A", "審査登録機関B", "審査登録機関C"]

FIRST_DAY = datetime.date(2018, 1, 1)
LAST_DAY = datetime.date(2024, 12, 12)


def scaled_counts(rows):
    """Category counts for `rows` rows, same proportions as the sample."""
    exact = [(cat, rows * n / BASE_TOTAL) for cat, n in BASE_COUNTS]
    counts = {cat: int(x) for cat, x in exact}
    left = rows - sum(counts.values())
    # Largest remainder; ties broken by the fixed category order.
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i][1] - int(exact[i][1])), i))
    for i in order[:left]:
        counts[exact[i][0]] += 1
    pentest = min(counts["vulnerability"], round(rows * BASE_PENTEST / BASE_TOTAL))
    return counts, pentest


def generate(rows):
    rng = random.Random(SEED)
    counts, pentest_total = scaled_counts(rows)

    cats = [cat for cat, _ in BASE_COUNTS for _ in range(counts[cat])]
    rng.shuffle(cats)

    vuln_rows = [i for i, c in enumerate(cats) if c == "vulnerability"]
    pentest_rows = set(rng.sample(vuln_rows, pentest_total))
    # A few yes/no values written in Japanese, as an imported file might have.
    true_rows = sorted(pentest_rows)
    false_rows = [i for i in vuln_rows if i not in pentest_rows]
    hai_rows = set(rng.sample(true_rows, min(len(true_rows), max(1, round(len(true_rows) / 6)))))
    iie_rows = set(rng.sample(false_rows, round(len(false_rows) * 0.05)))

    # About 10% of rows spell the category with its Japanese name or an alias.
    alias_rows = set(rng.sample(range(rows), round(rows * 0.10)))

    width = max(4, len(str(rows)))
    seq = {cat: 0 for cat, _ in BASE_COUNTS}
    seq["pentest"] = 0
    span = (LAST_DAY - FIRST_DAY).days

    for i, cat in enumerate(cats):
        kind = "pentest" if i in pentest_rows else cat
        seq[kind] += 1
        k = seq[kind]
        svc_id = f"svc-{i + 1:0{width}d}"

        name = rng.choice(NAMES[kind]).format(n=f"{k:03d}", c="ABCDE"[k % 5], s=f"{k:02d}")
        provider = rng.choice(PROVIDERS)

        category = cat
        if i in alias_rows:
            category = rng.choice(CATEGORY_SPELLINGS[cat])

        pentest = ""
        if cat == "vulnerability":
            if i in pentest_rows:
                pentest = "はい" if i in hai_rows else "true"
            else:
                pentest = "いいえ" if i in iie_rows else "false"

        day = FIRST_DAY + datetime.timedelta(days=rng.randint(0, span))
        fmt = "%Y/%m/%d" if rng.random() < 0.15 else "%Y-%m-%d"
        registered_on = day.strftime(fmt)

        registrar = rng.choice(REGISTRARS)
        url = f"https://example.com/services/{svc_id}"

        if i % 31 == 5:
            summary = SUMMARIES_COMMA[kind]
        elif i % 41 == 17:
            summary = SUMMARIES_QUOTE[kind]
        else:
            summary = rng.choice(SUMMARIES[kind])

        yield [svc_id, name, provider, category, pentest,
               registered_on, registrar, url, summary]


def main(argv=None):
    default_out = Path(__file__).resolve().parent.parent / "content" / "services" / "services.csv"
    parser = argparse.ArgumentParser(description="Write the sample services CSV (placeholder data).")
    parser.add_argument("--rows", type=int, default=BASE_TOTAL,
                        help=f"number of rows (default {BASE_TOTAL}, the published count)")
    parser.add_argument("--out", type=Path, default=default_out,
                        help="output file (default content/services/services.csv)")
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be at least 1")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        for row in generate(args.rows):
            writer.writerow(row)
    print(f"wrote {args.rows} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
