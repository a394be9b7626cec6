import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Writes text to a file descriptor, whole, retrying interrupted and partial writes.
struct FileDescriptorOutput {
    let descriptor: Int32

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress, $0.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
