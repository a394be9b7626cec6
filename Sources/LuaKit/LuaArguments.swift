import CLua

/// The arguments of a Swift function called from Lua: a view over the Lua stack, valid
/// only during the call.
///
/// Positions count from 1, like Lua's. The typed accessors accept what Lua's own `luaL_check*`
/// functions accept and throw ``LuaArgumentError`` in Lua's wording.
public struct LuaArguments {
    let pointer: OpaquePointer

    /// How many arguments the function received.
    ///
    /// Read from the stack when asked, which keeps calls that do not ask cheaper.
    public var count: Int { Int(lua_gettop(pointer)) }

    /// Unowned: the call's closure upvalue keeps the box alive, and this view does not
    /// outlive the call. Copying the name here would cost a retain on every call.
    private unowned(unsafe) let box: LuaFunctionBox

    init(state: OpaquePointer, box: LuaFunctionBox) {
        pointer = state
        self.box = box
    }

    /// The function's name, as used in argument errors.
    public var functionName: String { box.name }

    /// The state running the call.
    public var state: LuaState { Self.owner(of: pointer) }

    /// The ``LuaState`` that owns a raw state or one of its threads.
    static func owner(of state: OpaquePointer) -> LuaState {
        let owner = inbox_lua_control_of(state).pointee.owner!
        return Unmanaged<LuaState>.fromOpaque(owner).takeUnretainedValue()
    }

    /// The Lua type name of argument `position` (`no value` when absent).
    public func typeName(_ position: Int) -> String {
        let index = Int32(position)
        let type = lua_type(pointer, index)
        if type == LUA_TNONE { return "no value" }
        if type == LUA_TUSERDATA {
            let found = luaL_getmetafield(pointer, index, "__name")
            if found != LUA_TNIL {
                defer { inbox_lua_pop(pointer, 1) }
                if found == LUA_TSTRING {
                    return String(cString: inbox_lua_tostring(pointer, -1))
                }
            }
        }
        if type == LUA_TLIGHTUSERDATA { return "light userdata" }
        return String(cString: lua_typename(pointer, type))
    }

    /// Argument `position` converted to a value (`.nil` when absent).
    public func value(_ position: Int) throws -> LuaValue {
        try state.value(at: Int32(position), pointer)
    }

    /// True when argument `position` is nil or absent.
    public func isNil(_ position: Int) -> Bool {
        lua_type(pointer, Int32(position)) <= LUA_TNIL
    }

    /// Argument `position` as a boolean, by Lua's truth (absent is false).
    public func boolean(_ position: Int) -> Bool {
        lua_toboolean(pointer, Int32(position)) != 0
    }

    /// Argument `position` as bytes; numbers are converted like `luaL_checklstring` does.
    public func bytes(_ position: Int) throws -> [UInt8] {
        guard lua_isstring(pointer, Int32(position)) != 0 else {
            throw typeError(position, expected: "string")
        }
        return state.bytes(at: Int32(position), pointer)
    }

    /// Argument `position` as text; invalid UTF-8 is an argument error.
    public func string(_ position: Int) throws -> String {
        guard let text = String(validating: try bytes(position), as: UTF8.self) else {
            throw LuaArgumentError(
                position: position, function: functionName, problem: "invalid UTF-8 string")
        }
        return text
    }

    /// Argument `position` as an integer; floats with an exact integer value and numeric
    /// strings convert, like `luaL_checkinteger`.
    public func integer(_ position: Int) throws -> Int64 {
        var isNumber: Int32 = 0
        let result = lua_tointegerx(pointer, Int32(position), &isNumber)
        guard isNumber != 0 else {
            if lua_isnumber(pointer, Int32(position)) != 0 {
                throw LuaArgumentError(
                    position: position, function: functionName,
                    problem: "number has no integer representation")
            }
            throw typeError(position, expected: "number")
        }
        return result
    }

    /// Argument `position` as a float; integers and numeric strings convert.
    public func number(_ position: Int) throws -> Double {
        var isNumber: Int32 = 0
        let result = lua_tonumberx(pointer, Int32(position), &isNumber)
        guard isNumber != 0 else { throw typeError(position, expected: "number") }
        return result
    }

    /// Argument `position` as a copied table.
    public func table(_ position: Int) throws -> LuaTable {
        guard lua_type(pointer, Int32(position)) == LUA_TTABLE,
            case .table(let table) = try value(position)
        else { throw typeError(position, expected: "table") }
        return table
    }

    /// Argument `position` as a function, kept as a reference to call later.
    public func function(_ position: Int) throws -> LuaValue {
        guard lua_type(pointer, Int32(position)) == LUA_TFUNCTION else {
            throw typeError(position, expected: "function")
        }
        return try value(position)
    }

    /// Argument `position` kept live in the state, whatever its type: a table stays the same
    /// table (see ``LuaState/index(_:_:)``).
    public func reference(_ position: Int) -> LuaReference {
        state.reference(at: Int32(position), pointer)
    }

    /// Argument `position` as text, or nil when it is nil or absent.
    public func optionalString(_ position: Int) throws -> String? {
        isNil(position) ? nil : try string(position)
    }

    /// Argument `position` as an integer, or nil when it is nil or absent.
    public func optionalInteger(_ position: Int) throws -> Int64? {
        isNil(position) ? nil : try integer(position)
    }

    /// Argument `position` as the Swift object of a userdata made by
    /// ``LuaState/userdata(_:type:)``.
    public func object<T: AnyObject>(_ position: Int, as _: T.Type, type name: String) throws
        -> T
    {
        let slot = luaL_testudata(pointer, Int32(position), name)
        guard let slot, let retained = slot.load(as: UnsafeMutableRawPointer?.self) else {
            throw typeError(position, expected: name)
        }
        let object = Unmanaged<AnyObject>.fromOpaque(retained).takeUnretainedValue()
        guard let typed = object as? T else { throw typeError(position, expected: name) }
        return typed
    }

    /// `X expected, got Y` for argument `position`.
    public func typeError(_ position: Int, expected: String) -> LuaArgumentError {
        LuaArgumentError(
            position: position, function: functionName,
            problem: "\(expected) expected, got \(typeName(position))")
    }
}
