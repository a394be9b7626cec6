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

    /// Writes `text` and a newline to stderr.
    static func error(_ text: String) {
        fputs(text + "\n", errorStream)
    }

    /// Writes `text` to stdout as it is.
    static func standard(_ text: String) {
        fputs(text, outputStream)
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
