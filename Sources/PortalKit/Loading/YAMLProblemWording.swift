/// libyaml's descriptions of the syntax errors editors meet, in Japanese: the English text in
/// the middle of a Japanese message told most editors nothing. Unlisted ones stay as libyaml
/// wrote them.
enum YAMLProblemWording {
    static func japanese(_ problem: String) -> String? { table[problem] }

    private static let table: [String: String] = [
        "could not find expected ':'": "「キー: 値」の ':' が見つかりません",
        "did not find expected key": "キーのあるべき所にキーがありません。字下げがそろっているか確かめてください",
        "did not find expected '-' indicator": "リストの項目を始める '- ' が見つかりません。字下げがそろっているか確かめてください",
        "did not find expected node content": "値のあるべき所に値がありません",
        "mapping values are not allowed in this context": "ここに「キー: 値」は書けません。字下げか、値の中の ': ' を確かめてください（値に ': ' を含めるときは \"…\" で囲みます）",
        "block sequence entries are not allowed in this context": "ここにリストの項目 '- ' は書けません。字下げを確かめてください",
        "found character that cannot start any token": "値の始めに使えない文字があります（@ や ` で始まる値は \"…\" で囲みます）",
        "found a tab character that violates indentation": "字下げにタブが使われています。半角スペースにしてください",
        "found a tab character where an indentation space is expected": "字下げにタブが使われています。半角スペースにしてください",
        "found unexpected end of stream": "引用符（\" か '）が閉じられないまま終わっています",
        "found unknown escape character": "\"…\" の中の \\ の使い方に誤りがあります（\\ をそのまま書くには '…' で囲みます）",
        "did not find expected ',' or ']'": "[ … ] のリストが閉じていません（',' か ']' が足りません）",
        "did not find expected ',' or '}'": "{ … } が閉じていません（',' か '}' が足りません）",
        "did not find expected alphabetic or numeric character": "& や * のあとに名前がありません（値が & か * で始まるときは \"…\" で囲みます）",
        "found undefined tag handle": "! で始まる値は \"…\" で囲んでください",
        "found unexpected document indicator": "途中に '---' か '...' だけの行があります",
        "found unexpected ':'": "':' の位置に誤りがあります（値に ':' を含めるときは \"…\" で囲みます）",
    ]
}
