/// A JSON object whose members keep the order they had on the wire.
///
/// Lookups scan the members; API objects hold a few dozen members at most, where a scan
/// beats hashing. A parsed object that repeats a name (which JSON discourages but allows)
/// keeps every member; lookups find the first.
public struct JSONObject: Sendable, Hashable {
    /// One name and its value.
    public struct Member: Sendable, Hashable {
        /// The member's name.
        public var key: String
        /// The member's value.
        public var value: JSONValue

        /// A member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members, in wire order.
    public private(set) var members: [Member]

    /// An object with the given members; a later duplicate key replaces the earlier one.
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members {
            self[member.key] = member.value
        }
    }

    init(uncheckedMembers: [Member]) {
        members = uncheckedMembers
    }

    /// The keys, in wire order.
    public var keys: [String] { members.map(\.key) }

    /// The number of members.
    public var count: Int { members.count }

    /// The value for `key`, or nil when the object has no such member.
    ///
    /// Setting nil removes the member; setting a value replaces it in place or appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            // Comparing lengths first (constant time) skips most string comparisons.
            let length = key.utf8.count
            for member in members where member.key.utf8.count == length && member.key == key {
                return member.value
            }
            return nil
        }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Two objects are equal when they have the same members, in any order (as in JSON).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        return lhs.members.allSatisfy { member in rhs[member.key] == member.value }
    }

    /// Hashes the members regardless of their order, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object from a literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}
