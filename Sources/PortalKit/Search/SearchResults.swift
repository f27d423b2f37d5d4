/// One result as the page shows it: a page with its best sections, the registry's matching
/// services counted by category, or one service named by the query.
public struct SearchResult: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A page; `documents` are its matching sections, best first (up to three).
        case page
        /// 「登録サービス N件」: every matching service, opened as the registry filtered by the query.
        case registry(count: Int, byCategory: [(category: String, count: Int)])
        /// A service whose name or provider the query spells out.
        case service

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case (.page, .page), (.service, .service): true
            case let (.registry(x, p), .registry(y, q)): x == y && p.map(\.category) == q.map(\.category) && p.map(\.count) == q.map(\.count)
            default: false
            }
        }
    }

    public var kind: Kind
    /// The page the result opens, relative to the portal root, without fragment.
    public var page: String
    public var documents: [Int]
    public var score: Double
    /// Query words no document of the result holds (empty: a full match).
    public var missing: [String]
}

/// Ranks a query over the index: the rule search.js runs in the page (README "Search").
///
/// 1. The query becomes words (`QueryWords`), each with its alternatives (synonyms).
/// 2. A document matches an alternative when it holds every token of it (the text rule's
///    tokens; the query's last character of a Japanese run is implied); its score for the
///    alternative is the BM25 sum over those tokens, for the word the best alternative's.
/// 3. Documents are grouped by page; a page holds a word when one of its documents does, and
///    scores the sum over words of its best document's score for each.
/// 4. Pages holding every word come first, best score first; then pages holding some words,
///    most words first, provided one of them is `substantial`, with the missing words named.
/// 5. Services are not pages: those that match make one registry result (full matches, or
///    partial ones when none is full), unless at most three of the best four spell the query
///    out in their name or provider: those are shown one by one. Either ranks just below the
///    best page holding as many words, if it would rank above it.
enum SearchRanking {
    /// Most sections shown under a page.
    static let sectionsPerPage = 3
    /// A query naming services shows them one by one up to this many.
    static let namedServices = 3

    struct Scored {
        var perWord: [Double]
        var total: Double { perWord.reduce(0, +) }
        var matched: Int { perWord.count { $0 > 0 } }
    }

    static func rank(_ index: SearchIndex, words: [QueryWord]) -> [SearchResult] {
        guard !words.isEmpty else { return [] }
        var scored: [Int: Scored] = [:]
        for (w, word) in words.enumerated() {
            var best: [Int: Double] = [:]
            for alternative in word.alternatives {
                for (doc, score) in index.scores(alternative) where score > (best[doc] ?? 0) { best[doc] = score }
            }
            for (doc, score) in best {
                scored[doc, default: Scored(perWord: Array(repeating: 0, count: words.count))].perWord[w] = score
            }
        }
        var results: [SearchResult] = []
        // Pages, in order of their first document (documents of a page are consecutive).
        var pages: [Substring: [Int]] = [:]
        var services: [Int] = []
        for doc in scored.keys.sorted() {
            let d = index.documents[doc]
            if d.kind == .service { services.append(doc) } else { pages[d.resultGroup, default: []].append(doc) }
        }
        for (page, docs) in pages {
            var perWord = Array(repeating: 0.0, count: words.count)
            for doc in docs { for w in words.indices { perWord[w] = max(perWord[w], scored[doc]!.perWord[w]) } }
            let ordered = docs.sorted { (scored[$0]!.total, -$0) > (scored[$1]!.total, -$1) }
            let missing = words.indices.filter { perWord[$0] == 0 }
            guard eligible(missing: missing, words: words) else { continue }
            results.append(SearchResult(kind: .page, page: String(page), documents: Array(ordered.prefix(sectionsPerPage)),
                                        score: perWord.reduce(0, +), missing: missing.map { words[$0].text }))
        }
        // The registry result opens the registry's own page: one result for both.
        for var registry in registryResults(index, services: services, scored: scored, words: words) {
            if case .registry = registry.kind, let i = results.firstIndex(where: { $0.page == registry.page }) {
                if results[i].missing.count <= registry.missing.count { registry.score = max(registry.score, results[i].score) }
                results.remove(at: i)
            }
            results.append(registry)
        }
        // A page about the topic outranks the rows and entries that mention it: services, whose
        // names hold the words in their title, and glossary entries, short and dense, never rank
        // above the best page matching as many words.
        func isPage(_ r: SearchResult) -> Bool { r.kind == .page && index.documents[r.documents[0]].kind != .term }
        for i in results.indices where !isPage(results[i]) {
            let best = results.filter { isPage($0) && $0.missing.count == results[i].missing.count }.map(\.score).max()
            if let best, results[i].score >= best { results[i].score = best - best * 1e-9 }
        }
        return results.sorted(by: order)
    }

    /// A partial match must hold a whole word that means something alone.
    static func eligible(missing: [Int], words: [QueryWord]) -> Bool {
        missing.isEmpty || words.indices.contains { !missing.contains($0) && words[$0].substantial }
    }

    static func order(_ a: SearchResult, _ b: SearchResult) -> Bool {
        if a.missing.count != b.missing.count { return a.missing.count < b.missing.count }
        if a.score != b.score { return a.score > b.score }
        return (a.documents.first ?? 0) < (b.documents.first ?? 0)
    }

    /// Whether the query spells out a name: most of it (three fifths or more), not a word that
    /// many names share (a category's name in every service of the category).
    static func spellsOut(_ phrase: String, _ name: String) -> Bool {
        !phrase.isEmpty && name.contains(phrase) && phrase.unicodeScalars.count * 5 >= name.unicodeScalars.count * 3
    }

    static func registryResults(_ index: SearchIndex, services: [Int], scored: [Int: Scored], words: [QueryWord]) -> [SearchResult] {
        let full = services.filter { scored[$0]!.matched == words.count }
        let partial = services.filter { doc in eligible(missing: words.indices.filter { scored[doc]!.perWord[$0] == 0 }, words: words) }
        let members = full.isEmpty ? partial : full
        guard !members.isEmpty else { return [] }
        let ranked = members.sorted { (scored[$0]!.total, -$0) > (scored[$1]!.total, -$1) }
        func missing(_ docs: [Int]) -> [String] {
            words.indices.filter { w in docs.allSatisfy { scored[$0]!.perWord[w] == 0 } }.map { words[$0].text }
        }
        let phrase = SearchText.key(words.map(\.text).joined())
        let named = ranked.prefix(namedServices + 1).filter { doc in
            let d = index.documents[doc]
            return spellsOut(phrase, SearchText.key(d.title)) || spellsOut(phrase, SearchText.key(d.breadcrumb.last ?? ""))
        }
        var out: [SearchResult] = []
        var rest = ranked
        if !named.isEmpty, named.count <= namedServices {
            for doc in named {
                out.append(SearchResult(kind: .service, page: String(index.documents[doc].page), documents: [doc],
                                        score: scored[doc]!.total, missing: missing([doc])))
            }
            rest.removeAll { named.contains($0) }
        }
        if !rest.isEmpty {
            var counts: [(category: String, count: Int)] = []
            for doc in rest.sorted() {
                let c = index.documents[doc].category ?? ""
                if counts.last?.category == c { counts[counts.count - 1].count += 1 } else { counts.append((c, 1)) }
            }
            out.append(SearchResult(kind: .registry(count: rest.count, byCategory: counts), page: RegistryPages.indexPath.string,
                                    documents: Array(rest.prefix(sectionsPerPage)), score: scored[rest[0]]!.total, missing: missing(rest)))
        }
        return out
    }
}

extension SearchIndex {
    /// Results for a query, best first.
    public func search(_ query: String, synonyms: SynonymTable = SynonymTable()) -> [SearchResult] {
        SearchRanking.rank(self, words: QueryWords.parse(query, synonyms: synonyms))
    }

    /// Each document holding every token of `text`, with its BM25 score for them.
    func scores(_ text: String) -> [Int: Double] {
        let tokens = Self.effectiveTokens(text)
        guard !tokens.isEmpty else { return [:] }
        var scores: [Int: Double]? = nil
        for token in tokens {
            var best: [Int: Int] = [:]
            for (_, list) in terms(startingWith: token) {
                for p in list where p.weight > (best[p.document] ?? -1) { best[p.document] = p.weight }
            }
            let idf = Self.idf(documentCount: documents.count, documentFrequency: best.count)
            var next: [Int: Double] = [:]
            for (doc, w) in best {
                if let previous = scores {
                    guard let s = previous[doc] else { continue }
                    next[doc] = s + idf * Double(w) / 100
                } else {
                    next[doc] = idf * Double(w) / 100
                }
            }
            scores = next
        }
        return scores ?? [:]
    }
}
