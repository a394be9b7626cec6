/// What a Swift function returns to Lua.
///
/// Written as an array literal (`return []`, `return [value]`, `return [a, b]`). The cases
/// without an array keep the common calls free of any allocation.
public enum LuaResults {
    /// No results.
    case none
    /// One result.
    case one(LuaValue)
    /// Any number of results.
    case many([LuaValue])

    /// How many values this is.
    @inlinable public var count: Int {
        switch self {
        case .none: 0
        case .one: 1
        case .many(let values): values.count
        }
    }
}

extension LuaResults: ExpressibleByArrayLiteral {
    /// Results from a literal; inlined, so that `[]` and `[value]` build no array.
    @inlinable public init(arrayLiteral elements: LuaValue...) {
        switch elements.count {
        case 0: self = .none
        case 1: self = .one(elements[0])
        default: self = .many(elements)
        }
    }
}
