import CLuaStandalone

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

    /// Writes `text` and a newline to stderr.
    static func error(_ text: String) {
        fputs(text + "\n", errorStream)
    }

    /// Writes `text` to stdout as it is.
    static func standard(_ text: String) {
        fputs(text, outputStream)
    }

    /// Flushes stdout, before something else writes to the same terminal or file.
    static func flush() {
        fflush(outputStream)
    }
}
