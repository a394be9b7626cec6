/// Rewrites the top-level `local` statements of a REPL chunk so that the variables outlive
/// the chunk, as if the whole session were one block.
///
/// Stock `lua5.4 -i` compiles each line as its own chunk, so `local x = 1` is forgotten by
/// the next line. Here a top-level declaration becomes a declaration in the session
/// environment (see ``SessionScript``) followed by a plain assignment:
///
///     local a, b <const> = f()     -->  _ENV["\0declare"]("a", "b") a, b  = f()
///     local x                      -->  _ENV["\0declare"]("x") x = nil
///     local function g() end       -->  _ENV["\0declare"]("g") function g() end
///
/// The environment keeps a declared name pending until the assignment stores it, so the
/// right-hand side still reads the old meaning (`local print = print` works). Lines keep
/// their numbers: the rewrite never adds or removes a newline.
///
/// Limits: `<const>` is dropped (the variable becomes assignable); a statement with a
/// `<close>` variable, or declaring `_ENV`, stays a real local of its chunk; error
/// messages call the variables "global"; locals inside blocks (`do ... end`, function
/// bodies) are ordinary locals.
enum LocalRewriter {
    /// The expression that finds the session's declare function.
    static let declareCall = #"_ENV["\0declare"]"#

    /// The rewritten source, or nil when there is no top-level local to rewrite.
    static func rewrite(_ source: String) -> String? {
        let bytes = Array(source.utf8)
        let tokens = LuaTokenizer.tokens(of: bytes)
        var edits: [(range: Range<Int>, text: String)] = []
        var depth = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .name {
                switch token.text {
                case "function", "do", "if", "repeat": depth += 1
                case "end", "until": depth -= 1
                case "local" where depth == 0:
                    edits += declaration(at: index, in: tokens)
                default: break
                }
            }
            index += 1
        }
        guard !edits.isEmpty else { return nil }

        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The edits for the `local` statement whose keyword is `tokens[start]`.
    private static func declaration(at start: Int, in tokens: [LuaToken]) -> [(
        range: Range<Int>, text: String
    )] {
        let keyword = tokens[start]
        guard start + 1 < tokens.count else { return [] }
        if tokens[start + 1].text == "function", start + 2 < tokens.count {
            let name = tokens[start + 2].text
            return [(keyword.range, declare([name]))]
        }

        var names: [String] = []
        var edits: [(range: Range<Int>, text: String)] = []
        var index = start + 1
        var end = keyword.range.upperBound
        while index < tokens.count, tokens[index].kind == .name {
            names.append(tokens[index].text)
            end = tokens[index].range.upperBound
            index += 1
            if index + 2 < tokens.count, tokens[index].text == "<" {
                guard tokens[index + 1].text == "const" else { return [] }
                let attribute = tokens[index].range.lowerBound..<tokens[index + 2].range.upperBound
                edits.append((attribute, ""))
                end = attribute.upperBound
                index += 3
            }
            guard index < tokens.count, tokens[index].text == "," else { break }
            index += 1
        }
        guard !names.isEmpty, !names.contains("_ENV") else { return [] }

        edits.append((keyword.range, declare(names)))
        let assigns = index < tokens.count && tokens[index].text == "="
        if !assigns {
            edits.append((end..<end, " = nil"))
        }
        return edits
    }

    private static func declare(_ names: [String]) -> String {
        declareCall + "(" + names.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
    }
}
