import Yams

/// Where a YAML node starts in its text: 1-based line, and column in characters (as libyaml
/// counts them, so a Japanese character is one column).
struct YAMLMark: Equatable, Sendable {
    var line: Int
    var column: Int
}

/// A YAML node as the loaders read it: text, list or mapping, each with where it starts.
/// Values are text here and typed by `YAMLMapping` key by key. Made by `SimpleYAML` for the
/// plain YAML front matter is written in, or from Yams' nodes for anything else; both give the
/// same node for the same text (`SimpleYAMLTests`).
indirect enum YAMLNode: Equatable, Sendable {
    case scalar(Scalar)
    case mapping([Pair], YAMLMark?)
    case sequence([YAMLNode], YAMLMark?)
    case alias(YAMLMark?)

    struct Scalar: Equatable, Sendable {
        var string: String
        var style: Style
        var mark: YAMLMark?
    }

    struct Pair: Equatable, Sendable {
        var key: YAMLNode
        var value: YAMLNode
    }

    /// How a scalar was written: plain text and quoted text differ (`~` is null only plain).
    enum Style: Equatable, Sendable {
        case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    var mark: YAMLMark? {
        switch self {
        case .scalar(let s): s.mark
        case .mapping(_, let mark), .sequence(_, let mark), .alias(let mark): mark
        }
    }

    /// A scalar's text; nil for anything else.
    var string: String? {
        if case .scalar(let s) = self { return s.string }
        return nil
    }
}

extension YAMLMark {
    /// Where libyaml, through Yams, says something starts.
    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }
}

extension YAMLNode {
    /// Yams' node, with what the loaders read of it.
    init(_ node: Node) {
        func mark(_ m: Mark?) -> YAMLMark? { m.map(YAMLMark.init) }
        switch node {
        case .scalar(let s):
            self = .scalar(Scalar(string: s.string, style: Style(s.style), mark: mark(s.mark)))
        case .mapping(let m):
            self = .mapping(m.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, mark(m.mark))
        case .sequence(let s):
            self = .sequence(s.map(YAMLNode.init), mark(s.mark))
        case .alias(let a):
            self = .alias(mark(a.mark))
        }
    }
}

extension YAMLNode.Style {
    init(_ style: Node.Scalar.Style) {
        switch style {
        case .any: self = .any
        case .plain: self = .plain
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        }
    }
}
