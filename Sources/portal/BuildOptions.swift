import ArgumentParser
import PortalKit

/// The options every command that builds shares (`build` now, `watch` and `serve` later).
struct BuildOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Language.text(ja: "原稿のフォルダー。", en: "The content folder.")))
    var content: String = "content"

    @Option(help: ArgumentHelp(Language.text(ja: "テンプレートのフォルダー（Mustache のレイアウトと assets/）。", en: "The templates folder (Mustache layouts and assets/).")))
    var templates: String = "templates"

    @Option(help: ArgumentHelp(Language.text(ja: "ポータルを書き出すフォルダー。ビルドが成功したときだけ丸ごと入れ替えます。", en: "Where the portal is written. Replaced as a whole, only when the build succeeds.")))
    var output: String = "output"

    @Flag(help: ArgumentHelp(Language.text(ja: "警告もエラーとして扱います（公開前に）。", en: "Treat warnings as errors.")))
    var strict = false

    @Flag(help: ArgumentHelp(Language.text(ja: "エラーと警告だけを表示します。", en: "Print only errors and warnings.")))
    var quiet = false

    @Flag(help: ArgumentHelp(Language.text(ja: "段階ごとにかかった時間を表示します。", en: "Print how long each phase took.")))
    var timings = false

    @Flag(help: ArgumentHelp(Language.text(ja: "ビルドキャッシュ（出力フォルダーの隣の .portal-cache/）を読み書きしません。", en: "Neither read nor write the build cache (.portal-cache/ beside the output folder).")))
    var noCache = false

    @Option(help: ArgumentHelp(Language.text(
        ja: "search-index.json（ほかのツール向けの索引）の中身: summary（各文書の情報と要約。既定）または full（本文とすべての語の出現位置も）。",
        en: "What search-index.json (the index for other tools) holds: summary (each document's metadata and a summary; the default) or full (also the whole text and every term's postings).")))
    var jsonIndex: JSONIndexContents = .summary

    /// The build these options ask for.
    var request: BuildRequest {
        var request = BuildRequest(content: content, templates: templates, output: output, strict: strict)
        request.useCache = !noCache
        request.jsonIndex = jsonIndex
        return request
    }
}

extension JSONIndexContents: ExpressibleByArgument {}
