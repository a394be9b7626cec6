import LuaKit

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a chunk from a file or stdin as `luaL_loadfilex` does: a UTF-8 byte order mark
/// and a first line starting with `#` are skipped (its newline kept, so line numbers stay
/// right), and the messages are Lua's: `cannot open x.lua: No such file or directory`.
enum ChunkReader {
    /// Compiles the file at `path`, or stdin when nil, as chunk `@path` or `=stdin`.
    static func load(_ path: String?, into lua: LuaState) throws -> LuaValue {
        let bytes = try read(path)
        let name = path.map { "@" + $0 } ?? "=stdin"
        let mode: LuaChunkMode = lua.profile == .sandbox ? .text : .textOrBinary
        return try lua.load(bytes, name: name, mode: mode)
    }

    /// The bytes to compile.
    static func read(_ path: String?) throws -> [UInt8] {
        let shown = path ?? "stdin"
        guard let file = path.map({ fopen($0, "rb") }) ?? Output.inputStream else {
            throw failure("open", shown)
        }
        defer { if path != nil { fclose(file) } }

        // Uninitialized: zeroing a buffer this size touched 16 fresh pages at every start.
        let size = 64 * 1024
        var bytes: [UInt8] = []
        while true {
            let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = fread(buffer.baseAddress, 1, size, file)
            }
            bytes += chunk
            if chunk.count < size { break }
        }
        guard ferror(file) == 0 else { throw failure("read", shown) }
        return skippingPreamble(bytes)
    }

    /// Drops a byte order mark and a `#` first line (keeping its newline).
    static func skippingPreamble(_ bytes: [UInt8]) -> [UInt8] {
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        guard start < bytes.endIndex, bytes[start] == UInt8(ascii: "#") else {
            return Array(bytes[start...])
        }
        let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        return Array(bytes[newline...])
    }

    private static func failure(_ what: String, _ name: String) -> LuaError {
        let reason = String(cString: strerror(errno))
        return LuaError(kind: .file, message: "cannot \(what) \(name): \(reason)")
    }
}
