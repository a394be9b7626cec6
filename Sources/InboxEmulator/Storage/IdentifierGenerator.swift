/// Makes ids that look like the service's: cuid2-style Inbox ids (24 lowercase
/// alphanumerics, starting with a letter) and X snowflake-style numeric ids.
struct IdentifierGenerator {
    private var next: () -> UInt64

    /// Ids from the system's random source, for new objects.
    static func random() -> IdentifierGenerator {
        var generator = SystemRandomNumberGenerator()
        return IdentifierGenerator { generator.next() }
    }

    /// Ids from a fixed-seed sequence, for the demo team.
    static func seeded(_ seed: UInt64) -> IdentifierGenerator {
        var random = SeededRandom(seed: seed)
        return IdentifierGenerator { random.next() }
    }

    private init(next: @escaping () -> UInt64) { self.next = next }

    private static let letters = Array("abcdefghijklmnopqrstuvwxyz")
    private static let alphanumerics = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// A new Inbox id such as `df6jbw4h36qm5d9iu2sgn7kx`.
    mutating func inboxId() -> String {
        var id = String(Self.letters[Int(next() % 26)])
        for _ in 1..<24 { id.append(Self.alphanumerics[Int(next() % 36)]) }
        return id
    }

    /// A new 19-digit X id such as `1566123362161725441`.
    mutating func platformId() -> String {
        String(1_000_000_000_000_000_000 + next() % 900_000_000_000_000_000)
    }
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
