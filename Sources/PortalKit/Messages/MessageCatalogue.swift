/// Every catalogued message, by id, in English and Japanese. Ids are stable: they are printed
/// with the message and listed in the reference (`docs/messages.md`, generated from here), so an
/// editor can look one up. `{name}` is a placeholder; `[[…]]` is left out when a placeholder in it
/// is empty. E: errors, W: warnings; 01 YAML and data files, 02 front matter and pages, 03 links,
/// 04 the registry, 05 templates, 06 data to fill in.
public enum MessageCatalogue {
    public struct Entry: Sendable {
        public var en: String
        public var ja: String
    }

    public static let entries: [String: Entry] = [
        "E0101": Entry(en: "YAML syntax: {problem}",
                       ja: "YAML の書き方に誤りがあります（{problem}）。この行か、その前の行を確かめてください"),
        "E0102": Entry(en: "unknown key '{key}'; [[did you mean '{near}'? ]]known keys: {known}",
                       ja: "キー '{key}' は使えません。[[もしかして '{near}'？ ]]使えるキー: {known}"),
        "E0103": Entry(en: "missing required key '{key}'",
                       ja: "必須のキー '{key}' がありません"),
        "E0104": Entry(en: "'{key}' must be a whole number, not '{value}'",
                       ja: "'{key}' には整数を書いてください（'{value}' は整数ではありません）"),
        "E0105": Entry(en: "'{key}' must be a date written YYYY-MM-DD (e.g. 2024-12-12), not '{value}'",
                       ja: "'{key}' には日付を YYYY-MM-DD の形で書いてください（例: 2024-12-12）。'{value}' は日付ではありません"),
        "E0201": Entry(en: "front matter is never closed: add a line '---' after it",
                       ja: "front matter が閉じていません。最後に '---' だけの行を加えてください"),
        "W0202": Entry(en: "unknown front-matter key '{key}' is ignored: did you mean '{near}'?",
                       ja: "front matter のキー '{key}' は使えないので無視しました。もしかして '{near}'？"),
        "W0203": Entry(en: "unknown front-matter key '{key}' is ignored: to keep it, move it under extra: (templates read it as page.extra.{key})",
                       ja: "front matter のキー '{key}' は使えないので無視しました。残すには extra: の下に移してください（テンプレートでは page.extra.{key} で読めます）"),
        "E0204": Entry(en: "no title: start the file with a heading ('# タイトル') or with front matter (a line '---', title: and updated:, another '---')",
                       ja: "題名がありません。ファイルを見出し（'# タイトル'）か front matter（'---' の行、title: と updated:、'---' の行）で始めてください"),
        "E0205": Entry(en: "group '{group}' is not one of site.yml's guidance_groups[[ (did you mean '{near}'?)]] ({known})",
                       ja: "グループ '{group}' は site.yml の guidance_groups にありません。[[もしかして '{near}'？]]（{known}）"),
        "E0206": Entry(en: "group '{group}' is not one of site.yml's guidance_groups (there are none: add guidance_groups: to site.yml)",
                       ja: "グループ '{group}' は site.yml の guidance_groups にありません（guidance_groups がありません。site.yml に加えてください）"),
        "E0207": Entry(en: "duplicate slug '{slug}': {earlier} already uses it; set a different slug:",
                       ja: "slug '{slug}' は {earlier} がすでに使っています。別の slug: を付けてください"),
        "E0301": Entry(en: "link to missing page '{target}'[[; did you mean '{near}'?]]",
                       ja: "リンク先のページ '{target}' がありません。[[もしかして '{near}'？]]"),
        "E0302": Entry(en: "page '{target}' has no heading with id '{id}'[[; did you mean '#{near}'?]]",
                       ja: "ページ '{target}' に id が '{id}' の見出しはありません。[[もしかして '#{near}'？]]"),
        "E0303": Entry(en: "link to missing file '{target}' (looked for {looked} in the content folder)[[; did you mean '{near}'?]]",
                       ja: "リンク先のファイル '{target}' がありません（content フォルダーの {looked} を探しました）。[[もしかして '{near}'？]]"),
        "E0401": Entry(en: "unknown category '{value}'; [[did you mean '{near}'? ]]valid: {valid}",
                       ja: "サービス種別 '{value}' はありません。[[もしかして '{near}'？ ]]使える種別: {valid}"),
        "E0402": Entry(en: "registered_on '{value}' is not a date (2024/12/12, 2024-12-12 or an Excel date number)",
                       ja: "登録年月日 '{value}' は日付ではありません（2024/12/12、2024-12-12 または Excel の日付の数値で書きます）"),
        "E0403": Entry(en: "'{field}' is empty; it is required",
                       ja: "'{field}' が空です。必ず書いてください"),
        "E0501": Entry(en: "template '{template}' uses missing partial '{partial}' (expected {expected})[[ (did you mean '{near}'?)]]",
                       ja: "テンプレート '{template}' が使っている部品 '{partial}' がありません（{expected} が必要です）。[[もしかして '{near}'？]]"),
        "W0601": Entry(en: "sample data (sample: true): every page showing it carries a banner saying so; put the real data in and remove sample: true before publishing",
                       ja: "サンプルデータです（sample: true）。表示するページには「サンプル」の帯が付きます。公開前に実際のデータに差し替え、sample: true を消してください"),
        "W0602": Entry(en: "contact '{name}' is a placeholder: fill in its details and remove 'placeholder: true'",
                       ja: "連絡先 '{name}' はまだ記入されていません。内容を書き、'placeholder: true' を消してください"),
        "W0603": Entry(en: "no services yet: download the list IPA publishes (情報セキュリティサービス基準適合サービスリスト) and put it here",
                       ja: "サービスがまだありません。IPA が公開している情報セキュリティサービス基準適合サービスリストをダウンロードして、ここに置いてください"),
    ]

    /// The reference page: every id with both texts, for `docs/messages.md`.
    public static var reference: String {
        var out = "# メッセージ一覧 / Message reference\n\n"
        out += "portal が出すメッセージの番号と意味です（`portal build` などの出力の末尾の `[E0105]` がこの番号です）。"
        out += "`{…}` には実際の値が入ります。E で始まる番号はエラー（ビルドは失敗）、W で始まる番号は警告（`--strict` のときはエラー）です。\n"
        out += "This file is generated from `Sources/PortalKit/Messages/MessageCatalogue.swift`; after changing it, run `PORTAL_RECORD=1 swift test --filter MessageCatalogueTests`.\n\n"
        out += "| ID | 日本語 | English |\n|:--|:--|:--|\n"
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "[[", with: "").replacingOccurrences(of: "]]", with: "") }
        for id in entries.keys.sorted(by: { $0.dropFirst() < $1.dropFirst() }) {
            out += "| \(id) | \(cell(entries[id]!.ja)) | \(cell(entries[id]!.en)) |\n"
        }
        return out
    }
}

/// The catalogued messages, one factory each, so a call site names its arguments.
extension Message {
    static func yamlSyntax(_ problem: String) -> Message { Message("E0101", ["problem": problem]) }
    static func unknownKey(_ key: String, near: String?, known: [String]) -> Message {
        Message("E0102", ["key": key, "near": near ?? "", "known": known.joined(separator: ", ")])
    }
    static func missingKey(_ key: String) -> Message { Message("E0103", ["key": key]) }
    static func notWholeNumber(_ key: String, _ value: String) -> Message { Message("E0104", ["key": key, "value": value]) }
    static func notDate(_ key: String, _ value: String) -> Message { Message("E0105", ["key": key, "value": value]) }
    static let frontMatterUnclosed = Message("E0201")
    static func unknownFrontMatterKey(_ key: String, near: String?) -> Message {
        near.map { Message("W0202", ["key": key, "near": $0]) } ?? Message("W0203", ["key": key])
    }
    static let noTitle = Message("E0204")
    static func unknownGroup(_ group: String, near: String?, known: [String]) -> Message {
        known.isEmpty ? Message("E0206", ["group": group])
            : Message("E0205", ["group": group, "near": near ?? "", "known": known.joined(separator: "、")])
    }
    static func duplicateSlug(_ slug: String, earlier: String) -> Message { Message("E0207", ["slug": slug, "earlier": earlier]) }
    static func missingPage(_ target: String, near: String?) -> Message { Message("E0301", ["target": target, "near": near ?? ""]) }
    static func missingHeading(_ target: String, id: String, near: String?) -> Message {
        Message("E0302", ["target": target, "id": id, "near": near ?? ""])
    }
    static func missingFile(_ target: String, looked: String, near: String?) -> Message {
        Message("E0303", ["target": target, "looked": looked, "near": near ?? ""])
    }
    static func unknownCategory(_ value: String, near: String?, valid: String) -> Message {
        Message("E0401", ["value": value, "near": near ?? "", "valid": valid])
    }
    static func registryNotDate(_ value: String) -> Message { Message("E0402", ["value": value]) }
    static func emptyField(_ field: String) -> Message { Message("E0403", ["field": field]) }
    static func missingPartial(_ template: String, partial: String, expected: String, near: String?) -> Message {
        Message("E0501", ["template": template, "partial": partial, "expected": expected, "near": near ?? ""])
    }
    static let sampleData = Message("W0601")
    static func placeholderContact(_ name: String) -> Message { Message("W0602", ["name": name]) }
    static let emptyRegistry = Message("W0603")
}
