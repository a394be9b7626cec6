/// The Lua half of a REPL session, run once when the session opens.
///
/// It receives the session table `S` (kept in the registry, see ``LuaSession``) and
/// whether the state is sandboxed, and fills `S` with:
///
/// - `env`: the environment of every chunk typed at the prompt. It is an empty proxy:
///   reads of a declared session local come from `values`, anything else from the
///   globals; writes go the same way. `_ENV["\0declare"]` is the declare function the
///   rewritten `local` statements call (see ``LocalRewriter``).
/// - `values`, `declared`, `globals`: the session locals, their names, and the globals
///   table chunks see (in the sandbox, a per-session table reading through to the shared
///   read-only globals, so that assignments work).
/// - `compile(source)`: loads a chunk in `env` as `stdin`; keeps it in `S.chunk` and
///   returns nil, or returns the syntax error message. It also drops the pending
///   declarations a failed chunk may have left.
/// - `help_mt`: the metatable of what `help(...)` returns, which the printer shows as a
///   help page.
///
/// The helpers keep the library functions they use as upvalues, so a session that
/// reassigns `load` or `select` keeps working.
enum SessionScript {
    /// The chunk name of the helper, so tracebacks can leave its frames out.
    static let chunkName = "=(repl)"

    static let source = #"""
        local S, sandboxed = ...
        local load, select, setmetatable = load, select, setmetatable
        local G = _ENV
        if sandboxed then G = setmetatable({}, {__index = _ENV}) end
        local values, declared, pending = {}, {}, {}

        local function declare(...)
          for i = 1, select("#", ...) do pending[select(i, ...)] = true end
        end

        local env = setmetatable({}, {
          __index = function(_, key)
            if declared[key] then return values[key] end
            if key == "\0declare" then return declare end
            return G[key]
          end,
          __newindex = function(_, key, value)
            if pending[key] then pending[key] = nil; declared[key] = true end
            if declared[key] then values[key] = value else G[key] = value end
          end,
        })

        S.env, S.values, S.declared, S.globals = env, values, declared, G

        function S.compile(source)
          local chunk, message = load(source, "=stdin", "t", env)
          S.chunk = chunk
          pending = {}
          return message
        end

        local help_mt = {
          __name = "help",
          __tostring = function() return "help: type help() at the prompt" end,
        }
        S.help_mt = help_mt
        values.help = function(...)
          return setmetatable({n = select("#", ...), ...}, help_mt)
        end
        declared.help = true
        """#
}
