import FoundationEssentials
import InboxEmulator

#if canImport(Glibc)
    import Glibc
#endif

/// The folder of an emulator file: created for the default path, which lives in the user's
/// data folder, but never for a path the user gave, where a missing folder is more likely a
/// typo than a wish.
enum EmulatorFolder {
    /// Fails, naming `path`, when the folder that should hold the file does not exist.
    static func require(for path: String) throws(EmulatorOptions.FileFailure) {
        guard path != EmulatorStore.inMemory else { return }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        var status = stat()
        let found = stat(folder.isEmpty ? "/" : folder, &status) == 0
        guard !found || (status.st_mode & S_IFMT) != S_IFDIR else { return }
        throw EmulatorOptions.FileFailure(
            description: "cannot open the emulator at \(path): no such folder \(folder)")
    }

    /// Creates the folder that holds `path`, and its parents, when missing.
    static func create(for path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
}
