import FoundationEssentials
import InboxClient
import InboxEmulator

/// Opens an emulator team file as an `Inbox`, creating its folder on first use.
enum EmulatorInbox {
    static func open(path: String, version: InboxClient.APIVersion) throws -> any Inbox {
        if path != EmulatorStore.inMemory {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if folder != "/" {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true)
            }
        }
        return EmulatedInbox.open(store: try EmulatorStore(path: path), version: version)
    }
}
