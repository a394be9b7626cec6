import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Reads lines from a file descriptor that is not a terminal, for piped input.
///
/// The output reads like the session transcript Debian's `lua5.4 -i` writes when its
/// input is piped: each prompt, then the line it read. No escape sequences are written.
final class PlainLineReader: LineReader {
    private let input: Int32
    private let output: FileDescriptorOutput
    private var buffer: [UInt8] = []
    private var atEnd = false

    init(input: Int32, output: FileDescriptorOutput) {
        self.input = input
        self.output = output
    }

    func read(prompt: String) -> String? {
        output.write(prompt)
        guard let line = nextLine() else { return nil }
        output.write(line + "\n")
        return line
    }

    func remember(_ entry: String) {}

    private func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = [] }
                return String(decoding: buffer, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes {
                Glibc.read(input, $0.baseAddress, $0.count)
            }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
            } else {
                buffer += chunk[..<count]
            }
        }
    }
}
