import CLuaStandalone
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// The executable's two streams, written through C stdio like Lua's own `print` and
/// `io.write`, so that everything reaches the terminal in the order it was written.
enum Output {
    /// C's `stdout`.
    static var outputStream: UnsafeMutablePointer<FILE> { inbox_standalone_stream(1) }

    /// C's `stderr`.
    static var errorStream: UnsafeMutablePointer<FILE> { inbox_standalone_stream(2) }

    /// C's `stdin`.
    static var inputStream: UnsafeMutablePointer<FILE> { inbox_standalone_stream(0) }

    /// Writes `text` and a newline to stderr, every byte of it (a NUL included, as lua.c's
    /// `lua_writestringerror` writes a message with its length).
    static func error(_ text: String) {
        write(text + "\n", to: errorStream)
    }

    /// Writes `text` to stdout as it is, every byte of it.
    static func standard(_ text: String) {
        write(text, to: outputStream)
    }

    /// `fwrite` with the byte count: `fputs` would stop at the first NUL.
    private static func write(_ text: String, to stream: UnsafeMutablePointer<FILE>) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stream) }
    }

    /// Writes bytes to stdout and flushes them, for a reader that takes them as they come.
    static func standard(_ bytes: Data) {
        bytes.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, outputStream) }
        fflush(outputStream)
    }

    /// Reads stdin to its end.
    static func readInput() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, inputStream)
            guard count > 0 else { return data }
            data.append(contentsOf: buffer[..<count])
        }
    }

    /// Flushes stdout, before something else writes to the same terminal or file.
    static func flush() {
        fflush(outputStream)
    }
}
