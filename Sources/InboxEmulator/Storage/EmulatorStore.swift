import FoundationEssentials
import Synchronization

/// One emulated Inbox team kept in a SQLite file (or in memory).
///
/// Every read and write runs behind one lock on one connection; every write is
/// one transaction that also appends its events, so the log never disagrees
/// with the data. The file is in WAL mode with full sync, so a write that
/// returned survives a crash of the process.
public final class EmulatorStore: @unchecked Sendable {
    /// The path that opens a private, in-memory team.
    public static let inMemory = ":memory:"

    /// Where the store lives: a file path or ``inMemory``.
    public let path: String

    let clock: @Sendable () -> Int64
    private let connection: SQLiteConnection
    private let lock = Mutex(())

    /// Opens the team at `path`, creating and seeding it when the file is new
    /// or empty.
    ///
    /// - Parameter clock: the current time in Unix milliseconds; tests may
    ///   pass a fixed or stepping clock.
    public init(path: String, clock: @escaping @Sendable () -> Int64 = EmulatorStore.systemClock)
        throws
    {
        self.path = path
        self.clock = clock
        connection = try SQLiteConnection(path: path)
        if path != Self.inMemory {
            try connection.execute("PRAGMA journal_mode=WAL")
        }
        // FULL: a commit that returned is on disk before the caller hears of it.
        try connection.execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF")
        try connection.execute(StoreSchema.create)
        let seeded = try connection.row("SELECT count(*) FROM team") { $0.int(0) } ?? 0
        if seeded == 0 { try reset() }
    }

    /// The current time in Unix milliseconds.
    public static let systemClock: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    deinit { connection.close() }

    /// Throws away everything and puts the deterministic demo team back.
    public func reset() throws {
        try write { db in
            try Self.wipe(db)
            try DemoTeam.seed(into: db)
        }
    }

    // MARK: - Access

    /// Runs `body` with the connection, alone.
    func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { _ in try body(connection) }
    }

    /// Runs `body` with the connection inside one transaction, alone.
    func write<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        // Through a variable: Mutex hands results out as `sending`, which a T made in
        // `body`'s region is not.
        var value: T?
        try lock.withLock { _ in value = try connection.transaction { try body(connection) } }
        return value!
    }

    static func wipe(_ db: SQLiteConnection) throws {
        for table in StoreSchema.tables { try db.run("DELETE FROM \(table)") }
        try db.run("DELETE FROM sqlite_sequence WHERE name = 'events'")
    }
}

// MARK: - Where the default team lives

extension EmulatorStore {
    /// The default file: `$XDG_DATA_HOME/inbox-lua/emulator.sqlite`, else
    /// `~/.local/share/inbox-lua/emulator.sqlite`. Its folder is created when
    /// missing.
    public static func defaultPath() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share")
        let folder = base + "/inbox-lua"
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        return folder + "/emulator.sqlite"
    }
}

// MARK: - Handy facts for tests and tools

extension EmulatorStore {
    /// The id of the `index`-th contact in creation order (0-based); in the
    /// demo team, contact `i` follows the thread rule of ``DemoTeam/threadCount``.
    public func demoContactId(_ index: Int) throws -> String {
        let id = try read { db in
            try db.row(
                "SELECT id FROM contacts ORDER BY rowid LIMIT 1 OFFSET ?", [.int(Int64(index))]
            ) { $0.text(0) }
        }
        guard let id else { throw EmulatorFailure(reason: "no contact number \(index)") }
        return id
    }
}

// MARK: - What only the platform can do

extension EmulatorStore {
    /// Simulates a reply arriving from the person in a thread, which on the
    /// real service only X can cause: the message is stored as inbound, the
    /// thread returns to the inbox unread and at the top, and the log gets
    /// `message.received` (v1: `message.created`). Returns the message's id.
    ///
    /// Throws an error whose description names the missing thread when
    /// `threadId` is unknown.
    @discardableResult
    public func receive(threadId: String, content: String) throws -> String {
        let now = clock()
        do {
            return try write { db in
                let writes = TeamWrites(db: db, now: now)
                return try writes.receive(content, in: try db.thread(threadId)).id
            }
        } catch let problem as APIProblem {
            throw EmulatorFailure(reason: problem.message)
        }
    }
}
