import CLua

/// A Lua value that lives in the state: a function, a userdata, a coroutine, or an error
/// value kept unchanged.
///
/// It holds a registry reference, released when the last Swift copy goes away. It refers to
/// its state weakly, so it never keeps a state alive; using it after the state is gone
/// throws. Like the state, it is not thread-safe.
public final class LuaReference: @unchecked Sendable, Hashable, CustomStringConvertible {
    private weak var owner: LuaState?
    private let reference: Int32

    /// The Lua type name: `function`, `userdata`, `thread`, `table`, ...
    public let typeName: String

    /// The value's identity in the state (`lua_topointer`).
    public let identity: UnsafeRawPointer?

    /// Pops the value on top of the stack into the registry.  [-1, +0, m]
    init(popping state: OpaquePointer, owner: LuaState) {
        self.owner = owner
        typeName = String(cString: lua_typename(state, lua_type(state, -1)))
        identity = lua_topointer(state, -1)
        reference = luaL_ref(state, inbox_lua_registryindex())
    }

    deinit {
        guard let state = owner?.pointer else { return }
        luaL_unref(state, inbox_lua_registryindex(), reference)
    }

    /// Pushes the value, after checking it belongs to `state`'s owner.  [-0, +1, -]
    func push(_ state: OpaquePointer, into target: LuaState) throws {
        guard owner === target, owner?.pointer != nil else {
            throw LuaError(kind: .runtime, message: "a Lua value was used in another state")
        }
        lua_rawgeti(state, inbox_lua_registryindex(), lua_Integer(reference))
    }

    /// Two references are equal when they name the same Lua value.
    public static func == (lhs: LuaReference, rhs: LuaReference) -> Bool {
        lhs.identity == rhs.identity && lhs.typeName == rhs.typeName
    }

    /// Hashes the identity.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(identity)
    }

    /// `function: 0x...`, like Lua's `tostring`.
    public var description: String {
        "\(typeName): \(identity.map { String(describing: $0) } ?? "nil")"
    }
}
