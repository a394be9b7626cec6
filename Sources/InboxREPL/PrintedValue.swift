/// A result rendered as a tree, before it is laid out on lines.
indirect enum PrintedValue: Equatable {
    /// A value that prints as one piece of text: `42`, `"text"`, `json.null`, `<table 1>`.
    case atom(String)
    /// A table: its cycle label (`<1>`), what goes before `{` (`json.array` for an empty
    /// array), its entries, and how many entries were left out.
    case table(label: Int?, prefix: String, entries: [Entry], omitted: Int)
    /// A table below the depth limit.
    case deep

    /// One entry of a table; `key` is nil in the sequence part.
    struct Entry: Equatable {
        var key: String?
        var value: PrintedValue
    }

    /// The text on one line, as Lua table constructors read.
    var compact: String {
        switch self {
        case .atom(let text): return text
        case .deep: return "{...}"
        case .table(let label, let prefix, let entries, let omitted):
            var parts = entries.map { ($0.key.map { $0 + " = " } ?? "") + $0.value.compact }
            if omitted > 0 {
                parts.append("... (\(omitted) more)")
            }
            return labelText(label) + prefix + "{" + parts.joined(separator: ", ") + "}"
        }
    }

    /// The text laid out within `width` columns, indented by two spaces a level; a table
    /// that does not fit on one line gets one line per entry, with trailing commas.
    ///
    /// - Parameters:
    ///   - indent: the indentation of the line the value starts on.
    ///   - column: the column the value starts at.
    func layout(width: Int, indent: Int = 0, column: Int = 0) -> String {
        let line = compact
        guard case .table(let label, let prefix, let entries, let omitted) = self,
            column + line.count > width
        else {
            return line
        }
        let padding = String(repeating: " ", count: indent + 2)
        var text = labelText(label) + prefix + "{\n"
        for entry in entries {
            let key = entry.key.map { $0 + " = " } ?? ""
            let value = entry.value.layout(
                width: width, indent: indent + 2, column: indent + 2 + key.count)
            text += padding + key + value + ",\n"
        }
        if omitted > 0 {
            text += padding + "... (\(omitted) more)\n"
        }
        return text + String(repeating: " ", count: indent) + "}"
    }

    private func labelText(_ label: Int?) -> String {
        label.map { "<\($0)>" } ?? ""
    }
}
