import Foundation

/// A calendar date as content writes it (`2024-12-12`), with no time zone to drift across.
public struct LocalDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`; with `allowSlashes`, also `YYYY/MM/DD` as Excel writes it.
    public init?(parsing text: String, allowSlashes: Bool = false) {
        let separators: Set<Character> = allowSlashes ? ["-", "/"] : ["-"]
        let parts = text.split(omittingEmptySubsequences: false) { separators.contains($0) }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        if !allowSlashes, parts[1].count != 2 || parts[2].count != 2 { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// A date as Japanese documents write it: `2025年1月5日`, or in the era `令和7年1月5日`
    /// (`令和元年` for its first year) and `平成31年4月30日`; full-width digits too.
    public init?(japanese text: String) {
        var rest = Substring(SearchText.fold(text).trimmed())
        var base = 0
        for (era, start) in [("令和", 2018), ("平成", 1988)] where rest.hasPrefix(era) {
            base = start
            rest = rest.dropFirst(era.count)
            if rest.hasPrefix("元") { rest = "1" + rest.dropFirst() }
        }
        var numbers: [Int] = []
        for unit in ["年", "月", "日"] {
            guard let end = rest.firstIndex(of: Character(unit)), let n = Int(rest[..<end]), rest[..<end].allSatisfy(\.isASCII) else { return nil }
            numbers.append(n)
            rest = rest[rest.index(after: end)...]
        }
        guard rest.isEmpty, base == 0 || numbers[0] >= 1 else { return nil }
        self.init(year: base + numbers[0], month: numbers[1], day: numbers[2])
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        "\(year)-\(String(month).leftPadded(to: 2))-\(String(day).leftPadded(to: 2))"
    }

    /// How Japanese readers expect a date: 2024年12月12日.
    public var japanese: String { "\(year)年\(month)月\(day)日" }

    /// Days since 1970-01-01, for comparing against `review_after_days`.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01 (Hinnant's civil_from_days, the inverse of `dayNumber`).
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: doy - (153 * mp + 2) / 5 + 1)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

extension LocalDate {
    /// Today in the machine's time zone: what "today" means to the person running the check.
    public static func today(_ now: Date = Date()) -> LocalDate? {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        guard let y = parts.year, let m = parts.month, let d = parts.day else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }
}
