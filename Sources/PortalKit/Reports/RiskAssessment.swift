/// `reports/risk.yml`: a rating scale for likelihood and impact, the matrix that turns each
/// pair into a risk value, and the register of attack scenarios. Every risk shown is computed.
public struct RiskAssessment: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var category: String
        public var method: String
        public var system: String
        public var likelihood: String
        public var impact: String
        public var countermeasure: String
        public var owner: String
        public var line: Int
    }

    /// Levels, lowest first.
    public var likelihood: [String]
    public var impact: [String]
    /// matrix[likelihood][impact] → risk value (1 = lowest).
    public var matrix: [String: [String: Int]]
    public var levelNames: [Int: String]
    public var register: [Entry]
    /// `sample: true`: made-up figures; their page says so.
    public var sample = false

    public func risk(_ entry: Entry) -> Int { matrix[entry.likelihood]?[entry.impact] ?? 0 }

    public func levelName(_ value: Int) -> String { levelNames[value] ?? String(value) }

    /// Highest risk first; equal risks keep the file's order.
    public var rankedRegister: [Entry] {
        register.enumerated().sorted { (risk($0.element), -$0.offset) > (risk($1.element), -$1.offset) }.map(\.element)
    }

    /// Distinct risk values, highest first, with how many entries have each.
    public var counts: [(value: Int, count: Int)] {
        let values = Set(matrix.values.flatMap(\.values)).sorted(by: >)
        return values.map { v in (v, register.filter { risk($0) == v }.count) }
    }
}

/// `reports/maturity.yml`: the 10 directives of the management guideline, a 5-level scale with
/// the company's own names, and dated self-assessments.
public struct MaturityReport: Sendable, Hashable, Codable {
    public struct Directive: Sendable, Hashable, Codable {
        public var id: Int
        public var title: String
        /// What the radar's axis says (`short:`; the title when it is short enough).
        public var short: String
    }

    public struct Assessment: Sendable, Hashable, Codable {
        public var date: LocalDate
        public var levels: [Int: Int]
        public var target: [Int: Int]
        public var notes: String
    }

    /// Level names for 1...5.
    public var scale: [Int: String]
    public var directives: [Directive]
    /// Oldest first.
    public var assessments: [Assessment]
    /// `sample: true`: a made-up self-assessment; its page says so.
    public var sample = false

    public var latest: Assessment? { assessments.last }
    public var previous: Assessment? { assessments.count >= 2 ? assessments[assessments.count - 2] : nil }

    /// Directives whose latest level is furthest below its target, largest gap first.
    public var gaps: [(directive: Directive, level: Int, target: Int)] {
        guard let latest else { return [] }
        return directives.compactMap { d -> (Directive, Int, Int)? in
            guard let level = latest.levels[d.id], let target = latest.target[d.id], target > level else { return nil }
            return (d, level, target)
        }.sorted { ($0.2 - $0.1, -$0.0.id) > ($1.2 - $1.1, -$1.0.id) }
    }
}
