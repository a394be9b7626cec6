import InboxClient
import LuaKit

/// Checks a binding's Lua arguments against its description and folds them into a
/// ``BindingCall``: unknown keys, wrong types and swapped id kinds are errors that say so.
enum BindingArguments {
    static func parse(_ binding: Binding, _ session: ScriptSession, _ arguments: LuaArguments)
        throws -> BindingCall
    {
        var id: String?
        var table: LuaTable?
        switch binding.shape {
        case .none: break
        case .table: table = try optionalTable(binding, arguments, 1)
        case .id(let label): id = try positionalId(binding, arguments, 1, label)
        case .idAndTable(let label):
            id = try positionalId(binding, arguments, 1, label)
            table = try optionalTable(binding, arguments, 2)
        case .callableTable: table = try optionalTable(binding, arguments, 2, shown: 1)
        }
        let values = try table.map { try fold($0, binding) } ?? [:]
        for key in binding.keys where key.required && values[key.name] == nil {
            throw BindingError(binding.name, "\(key.name) is required")
        }
        return BindingCall(
            binding: binding, session: session, arguments: arguments, id: id, values: values)
    }

    // MARK: - Positional arguments

    private static func optionalTable(
        _ binding: Binding, _ arguments: LuaArguments, _ position: Int, shown: Int? = nil
    ) throws -> LuaTable? {
        if arguments.isNil(position) { return nil }
        guard arguments.typeName(position) == "table" else {
            throw argumentError(
                binding, shown ?? position,
                "table expected, got \(arguments.typeName(position))")
        }
        return try arguments.table(position)
    }

    private static func positionalId(
        _ binding: Binding, _ arguments: LuaArguments, _ position: Int, _ label: String
    ) throws -> String {
        let value = try arguments.value(position)
        if case .integer = value {
            throw argumentError(
                binding, position, "\(label) expected, got number; Inbox ids are strings")
        }
        guard let id = idText(value) else {
            throw argumentError(binding, position, "\(label) expected, \(ArgumentText.got(value))")
        }
        if let hint = IdentifierKind.platformHint(id) {
            throw BindingError(binding.name, "\(label) \"\(ArgumentText.excerpt(id))\" \(hint)")
        }
        return id
    }

    private static func argumentError(_ binding: Binding, _ position: Int, _ problem: String)
        -> BindingError
    {
        BindingError(binding.name, "bad argument #\(position) (\(problem))")
    }

    // MARK: - Tables

    private static func fold(_ table: LuaTable, _ binding: Binding) throws -> [String: JSONValue] {
        guard table.sequence.isEmpty else {
            throw BindingError(
                binding.name, "expected named keys, got a list; known keys: \(known(binding))")
        }
        var values: [String: JSONValue] = [:]
        var spelled: [String: String] = [:]
        // Sorted, so that which of two clashing spellings an error names never varies.
        let fields = table.fields.sorted { ($0.key.text ?? "") < ($1.key.text ?? "") }
        for (rawKey, value) in fields {
            guard let written = rawKey.text,
                let key = binding.keys.first(where: {
                    $0.name == written || $0.aliases.contains(written)
                })
            else {
                let shown =
                    rawKey.text.map { "\"\(ArgumentText.excerpt($0))\"" }
                    ?? "of type \(rawKey.typeName)"
                throw BindingError(
                    binding.name, "unknown key \(shown); known keys: \(known(binding))")
            }
            if let earlier = spelled[key.name] {
                throw BindingError(
                    binding.name, "give \(earlier) or \(written), not both (they are one key)")
            }
            spelled[key.name] = written
            values[key.name] = try convert(value, key, written, binding)
        }
        return values
    }

    private static func known(_ binding: Binding) -> String {
        binding.keys.map(\.listed).joined(separator: ", ")
    }

    // MARK: - Values

    private static func convert(
        _ value: LuaValue, _ key: BindingKey, _ written: String, _ binding: Binding
    ) throws -> JSONValue {
        let mismatch = BindingError(
            binding.name,
            "bad argument '\(written)' (\(key.type.label) expected, \(ArgumentText.got(value)))")
        switch key.type {
        case .string:
            guard let text = value.text else { throw mismatch }
            return .string(text)
        case .boolean:
            guard case .boolean(let flag) = value else { throw mismatch }
            return .bool(flag)
        case .integer:
            let whole: Int64
            switch value {
            case .integer(let number): whole = number
            case .number(let number) where number == number.rounded() && abs(number) < 9e15:
                whole = Int64(number)
            default: throw mismatch
            }
            // Every integer key is a count, a size or a position: a negative one is a
            // mistake, which would otherwise read as "none" without a word.
            guard whole >= 0 else {
                throw BindingError(
                    binding.name, "bad argument '\(written)' (must be 0 or more, got \(whole))")
            }
            return .integer(whole)
        case .number:
            switch value {
            case .integer(let number): return .integer(number)
            case .number(let number): return .double(try finite(number, written, binding))
            default: throw mismatch
            }
        case .id:
            guard let id = idText(value) else { throw mismatch }
            if let hint = IdentifierKind.platformHint(id) {
                throw BindingError(
                    binding.name, "\(written) \"\(ArgumentText.excerpt(id))\" \(hint)")
            }
            return .string(id)
        case .accountLinkId:
            return .string(try accountLinkId(value, written, binding, mismatch))
        case .accountLinkIds, .ids:
            var elements: [LuaValue] = [value]
            if case .table(let table) = value, idText(value) == nil {
                guard table.fields.isEmpty else { throw mismatch }
                elements = table.sequence
            }
            return .array(
                try elements.map { element in
                    guard key.type == .accountLinkIds else {
                        guard let id = idText(element) else { throw mismatch }
                        return .string(id)
                    }
                    return .string(try accountLinkId(element, written, binding, mismatch))
                })
        case .platformId:
            return .string(try platformId(value, written, binding, mismatch))
        case .nullableString:
            if value == .null { return .null }
            guard let text = value.text else { throw mismatch }
            return .string(text)
        case .nullableNumber:
            switch value {
            case .null: return .null
            case .integer(let number): return .integer(number)
            case .number(let number): return .double(try finite(number, written, binding))
            default: throw mismatch
            }
        }
    }

    /// `number`, refused when NaN or infinite: JSON has no such numbers.
    private static func finite(_ number: Double, _ written: String, _ binding: Binding) throws
        -> Double
    {
        guard !number.isFinite else { return number }
        let shown = number.isNaN ? "nan" : number > 0 ? "inf" : "-inf"
        throw BindingError(
            binding.name, "bad argument '\(written)' (number must be finite, got \(shown))")
    }

    private static func accountLinkId(
        _ value: LuaValue, _ written: String, _ binding: Binding, _ mismatch: BindingError
    ) throws -> String {
        try checkedId(
            value, written, binding, mismatch, refusing: IdentifierKind.isPlatformId,
            "looks like an X platform id; use the account link's id (see inbox.account_links())")
    }

    private static func platformId(
        _ value: LuaValue, _ written: String, _ binding: Binding, _ mismatch: BindingError
    ) throws -> String {
        try checkedId(
            value, written, binding, mismatch, refusing: IdentifierKind.isInboxId,
            "looks like an Inbox id; use the person's platform user id (digits), or pass the "
                + "Inbox id as contactId")
    }

    /// The id in `value`, refused with `hint` when it is of the other kind.
    private static func checkedId(
        _ value: LuaValue, _ written: String, _ binding: Binding, _ mismatch: BindingError,
        refusing wrongKind: (String) -> Bool, _ hint: String
    ) throws -> String {
        guard let id = idText(value) else { throw mismatch }
        guard !wrongKind(id) else {
            throw BindingError(binding.name, "\(written) \"\(ArgumentText.excerpt(id))\" \(hint)")
        }
        return id
    }

    /// The id in a string, an integer, or a table with a string `id` (an API object).
    static func idText(_ value: LuaValue) -> String? {
        switch value {
        case .string: return value.text.flatMap { $0.isEmpty ? nil : $0 }
        case .integer(let number): return String(number)
        case .table(let table): return table["id"].text
        default: return nil
        }
    }
}
