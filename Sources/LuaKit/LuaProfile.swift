/// Which standard library a ``LuaState`` opens.
public enum LuaProfile: Sendable, Equatable {
    /// The whole standard library, as stock `lua5.4` has it.
    case full

    /// A safe subset for untrusted rule scripts.
    ///
    /// No `io`, `debug`, `dofile`, `loadfile`, `string.dump`; of `os` only `clock`, `date`,
    /// `difftime` and `time`; `require` finds only `package.preload`; `load` takes text
    /// chunks only. Library tables and the shared globals are read-only, and each chunk
    /// loaded from Swift gets its own global environment that reads through to them.
    case sandbox
}
