/// "Did you mean …?": the candidate closest to a mistyped word, if it is close enough to be what
/// was meant. Distance counts characters (so Japanese names work) and a swap of two neighbours as
/// one edit (`titel` → `title`), the commonest typing slip.
public enum Suggestion {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let typed = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let d = distance(typed, Array(candidate.lowercased()))
            // Ties go to the first in code-point order: candidates often come from a dictionary,
            // and the same slip must get the same suggestion every run.
            if d < (best?.distance ?? .max) || (d == best?.distance && candidate.precedesByCodePoint(best!.candidate)) { best = (candidate, d) }
        }
        guard let best else { return nil }
        // One slip in a short word, about a third of a longer one; a case difference always.
        let allowed = max(1, min(typed.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Optimal string alignment distance (Levenshtein with adjacent transpositions).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
