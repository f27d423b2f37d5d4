/// `search/words.js`: what turns typed words into searched words, for every page: the kana
/// folding table (`KanaFolding`, the one table Swift indexes with) and the synonym groups of
/// `content/search/synonyms.yml`. A classic script loaded before the others, so the search box,
/// the registry filter and highlighting all fold and expand words exactly as the index did.
enum SearchWordsScript {
    static let path = SitePath("search/words.js")

    static func file(synonyms: SynonymTable) -> OutputFile {
        var w = JSONWriter(forScript: true, capacity: 4096)
        w.raw("window.PortalSearchWords = {")
        w.key("folding"); w.raw("[")
        for (i, pair) in KanaFolding.table.enumerated() {
            if i > 0 { w.comma() }
            w.stringArray([pair.from, pair.to])
        }
        w.raw("],")
        w.key("stem"); w.int(KanaFolding.minimumStemLength); w.comma()
        w.key("stopWords"); w.stringArray(QueryWords.stopWords.sorted { $0.precedesByCodePoint($1) }); w.comma()
        w.key("synonyms"); w.raw("[")
        for (i, group) in synonyms.groups.enumerated() {
            if i > 0 { w.comma() }
            w.stringArray(group)
        }
        w.raw("]};\n")
        return OutputFile(path: path, bytes: w.bytes)
    }
}
