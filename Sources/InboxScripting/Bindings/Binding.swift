import LuaKit

/// One function of the `inbox` module, described as data: the module, its argument checks,
/// the REPL's help and `docs/lua-api.md` are all built from ``Binding/all``.
struct Binding {
    /// How the function takes its arguments.
    enum Shape {
        /// `f()`.
        case none
        /// `f{key = value, ...}`; the table may be omitted when no key is required.
        case table
        /// `f(id)`, the id named by the label (`thread id`).
        case id(String)
        /// `f(id, {key = value, ...})`.
        case idAndTable(String)
        /// `for x in t{key = value, ...}`: the `__call` of the table at `name`.
        case callableTable
    }

    /// The full Lua name, such as `inbox.threads.lookup`.
    let name: String
    /// How a call reads: `inbox.threads.get(id)`.
    let signature: String
    /// One line saying what it does.
    let summary: String
    /// How it takes its arguments.
    let shape: Shape
    /// The keys its argument table accepts.
    let keys: [BindingKey]
    /// True when it changes something; such calls go through the write gate.
    let writes: Bool
    /// The work, given checked arguments.
    let run: (BindingCall) throws -> [LuaValue]

    init(
        _ name: String, _ signature: String, _ summary: String, shape: Shape = .none,
        keys: [BindingKey] = [], writes: Bool = false,
        run: @escaping (BindingCall) throws -> [LuaValue]
    ) {
        self.name = name
        self.signature = signature
        self.summary = summary
        self.shape = shape
        self.keys = keys
        self.writes = writes
        self.run = run
    }

    /// Every binding, in the order of the reference.
    static var all: [Binding] {
        teamBindings + threadBindings + messageBindings + peopleBindings + labelBindings
    }
}

/// One key of an argument table: its API name, the other version's spellings, its type.
struct BindingKey {
    /// The name, as the API spells it.
    let name: String
    /// Other accepted spellings (the other API version's).
    let aliases: [String]
    /// What it holds.
    let type: BindingKeyType
    /// True when the call fails without it.
    let required: Bool

    init(
        _ name: String, _ type: BindingKeyType, aliases: [String] = [], required: Bool = false
    ) {
        self.name = name
        self.aliases = aliases
        self.type = type
        self.required = required
    }

    /// `accountLinkId (or accountLinkIds)`, as error messages list keys.
    var listed: String {
        aliases.isEmpty ? name : "\(name) (or \(aliases.joined(separator: ", ")))"
    }
}

/// The types argument keys hold.
enum BindingKeyType {
    case string, boolean, number
    /// A whole number, 0 or more: every integer key is a count, a size or a position.
    case integer
    /// An Inbox id; integers are accepted and written as digits.
    case id
    /// An account link's Inbox id, refused when it looks like an X user id.
    case accountLinkId
    /// One or more account link ids.
    case accountLinkIds
    /// A platform user id (digits), refused when it looks like an Inbox id.
    case platformId
    /// One or more ids or names.
    case ids
    /// A string, or `json.null` to clear.
    case nullableString
    /// A number, or `json.null` to clear.
    case nullableNumber

    /// The type as references and errors name it.
    var label: String {
        switch self {
        case .string: "string"
        case .boolean: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .id: "id"
        case .accountLinkId: "account link id"
        case .accountLinkIds: "account link id or list of them"
        case .platformId: "platform user id"
        case .ids: "id or list of ids"
        case .nullableString: "string or json.null"
        case .nullableNumber: "number or json.null"
        }
    }
}
