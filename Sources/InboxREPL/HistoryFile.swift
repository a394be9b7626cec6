import CEdit
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// The REPL history on disk, in libedit's own format: one entry a line, with newlines
/// inside an entry encoded, so a multi-line entry comes back as one.
struct HistoryFile {
    let path: String

    /// Where the history lives by default: `$XDG_DATA_HOME/inbox-lua/history`, or
    /// `~/.local/share/inbox-lua/history`; nil when neither variable is set.
    static func defaultPath(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/inbox-lua/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/inbox-lua/history"
    }

    func load(into history: OpaquePointer) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        inbox_edit_history_load(history, path)
    }

    /// Writes the whole history; the file is created readable by its owner only, since
    /// entries may hold private data.
    func save(_ history: OpaquePointer) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
            if descriptor >= 0 { close(descriptor) }
        }
        inbox_edit_history_save(history, path)
    }
}
