import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the demo team into an empty store, from a fixed seed.
extension DemoTeam {
    /// 2026-11-20T00:00:00Z: the newest seeded activity is before this.
    static let seedEpoch: Int64 = 1_795_132_800_000
    static let day: Int64 = 86_400_000

    static func seed(into db: SQLiteConnection) throws {
        var builder = SeedBuilder(db: db)
        try builder.writeTeam()
        try builder.writePeopleAndThreads()
    }
}

private struct SeedBuilder {
    let db: SQLiteConnection
    var random = SeededRandom(seed: 0x1BB0_C0DE)
    var ids = IdentifierGenerator.seeded(0x5EED_1D5)
    var tagIds: [String] = []
    var statusIds: [String] = []

    init(db: SQLiteConnection) { self.db = db }

    mutating func writeTeam() throws {
        let teamCreated = DemoTeam.seedEpoch - 630 * DemoTeam.day
        try db.run(
            "INSERT INTO team (id, name, slug, currency, created_at) VALUES (?, ?, ?, 'USD', ?)",
            [
                .text(DemoTeam.teamId), .text(DemoTeam.teamName), .text(DemoTeam.teamSlug),
                .int(teamCreated),
            ])
        for (index, member) in DemoTeam.members.enumerated() {
            try db.insert(
                MemberRecord(
                    id: member.id, userId: ids.inboxId(), name: member.name, email: member.email,
                    role: member.role, createdAt: teamCreated + Int64(index) * 9 * DemoTeam.day))
        }
        for (index, link) in [DemoTeam.acmecorp, DemoTeam.acmesupport].enumerated() {
            let created = teamCreated + Int64(1 + index * 100) * DemoTeam.day
            try db.insert(
                AccountLinkRecord(
                    id: link.id, platformId: link.platformId, username: link.username,
                    displayName: link.displayName, status: "active",
                    syncedAt: created + 3_600_000, createdAt: created))
        }
        for (index, tag) in DemoTeam.tags.enumerated() {
            let record = TagRecord(
                id: ids.inboxId(), name: tag.name, color: tag.color,
                createdAt: teamCreated + Int64(2 + index) * DemoTeam.day)
            tagIds.append(record.id)
            try db.insert(record)
        }
        for (index, status) in DemoTeam.statuses.enumerated() {
            let record = StatusRecord(
                id: ids.inboxId(), name: status.name, color: status.color,
                position: Int64(index), createdAt: teamCreated + Int64(2 + index) * DemoTeam.day)
            statusIds.append(record.id)
            try db.insert(record)
        }
    }

    mutating func writePeopleAndThreads() throws {
        for index in 0..<DemoTeam.contactCount {
            let profile = makeProfile(index)
            try db.insert(profile)
            let contact = makeContact(profileId: profile.id, created: profile.updatedAt)
            try db.insert(contact)
            var links: [DemoTeam.AccountLinkFact] = []
            if index % 3 != 2 { links.append(DemoTeam.acmecorp) }
            if index % 3 != 0 { links.append(DemoTeam.acmesupport) }
            for link in links {
                try writeThread(link: link, profile: profile, contactId: contact.id)
            }
        }
    }

    // MARK: - People

    mutating func makeProfile(_ index: Int) -> ProfileRecord {
        let first = SeedText.firstNames[index % SeedText.firstNames.count]
        let last = SeedText.lastNames[(index * 7 + index / 13) % SeedText.lastNames.count]
        // X handles: letters, digits and `_`, at most 15 characters.
        let suffix = index < 50 ? "" : String(index)
        let username =
            String(
                "\(first)\(SeedText.joiners[index % 4])\(last)".lowercased().prefix(
                    15 - suffix.count))
            + suffix
        // Log-uniform followers from ten to a few million, skewed so about one
        // profile in six has at least 100,000.
        let spread = pow(unit(), 1.3)
        let followers = Int64(pow(10, 1 + 5.6 * spread))
        let isOrganization = index % 11 == 0
        let badge: String? = followers >= 100_000 ? (isOrganization ? "gold" : "blue") : nil
        let hasSite = index % 4 != 3
        return ProfileRecord(
            id: ids.inboxId(), platformId: ids.platformId(), username: username,
            displayName: isOrganization
                ? "\(last) \(SeedText.companySuffixes[index % 4])" : "\(first) \(last)",
            bio: index % 9 == 4 ? nil : SeedText.bios[index % SeedText.bios.count],
            location: index % 5 == 2 ? nil : SeedText.locations[index % SeedText.locations.count],
            websiteUrl: hasSite ? "https://\(username.replacingDashes).example" : nil,
            followerCount: followers, followingCount: Int64(20 + random.next() % 2000),
            postCount: Int64(10 + random.next() % 40_000), listedCount: followers / 400,
            engagementCount: Int64(random.next() % 50_000), badge: badge,
            profileType: isOrganization ? "business" : "personal",
            isProtected: index % 37 == 5,
            platformCreatedAt: DemoTeam.seedEpoch - Int64(200 + random.next() % 5000)
                * DemoTeam.day,
            updatedAt: DemoTeam.seedEpoch - Int64(60 + random.next() % 30) * DemoTeam.day)
    }

    mutating func makeContact(profileId: String, created: Int64) -> ContactRecord {
        let roll = random.next() % 100
        var tags: [String] = []
        if roll < 45 { tags.append(tagIds[Int(random.next() % UInt64(tagIds.count))]) }
        if roll < 12 { tags.append(tagIds[Int(random.next() % UInt64(tagIds.count))]) }
        return ContactRecord(
            id: ids.inboxId(), profileId: profileId,
            statusId: roll < 60 ? statusIds[Int(roll % UInt64(statusIds.count))] : nil,
            notes: roll % 7 == 0 ? SeedText.notes[Int(roll) % SeedText.notes.count] : nil,
            valuation: roll % 5 == 0 ? Double(500 * (1 + roll % 20)) : nil,
            assigneeId: roll % 10 == 3 ? DemoTeam.members[Int(roll) % 4].id : nil,
            createdAt: created, updatedAt: created, tagIds: Array(Set(tags)).sorted())
    }

    // MARK: - Threads

    mutating func writeThread(
        link: DemoTeam.AccountLinkFact, profile: ProfileRecord, contactId: String
    ) throws {
        let roll = random.next() % 100
        let isRequest = roll < 8
        let created =
            DemoTeam.seedEpoch - Int64(6 + random.next() % 80) * DemoTeam.day
            - Int64(random.next() % UInt64(DemoTeam.day))
        var thread = ThreadRecord(
            id: ids.inboxId(), accountLinkId: link.id, contactId: contactId,
            platformId: conversationId(link.platformId, profile.platformId),
            assigneeId: isRequest || roll % 2 == 0
                ? nil : DemoTeam.members[Int(roll / 2) % DemoTeam.members.count].id,
            isRequest: isRequest, archived: !isRequest && roll >= 75,
            unread: roll % 3 == 0, typing: "teamDefault", createdAt: created, sortAt: created)
        let count = isRequest ? 1 + Int(random.next() % 2) : 1 + Int(random.next() % 5)
        var at = created
        var outbound = !isRequest && roll % 5 < 3
        for _ in 0..<count {
            at += Int64(60_000 + random.next() % UInt64(DemoTeam.day))
            let lines = outbound ? SeedText.outbound : SeedText.inbound
            try db.insert(
                MessageRecord(
                    id: ids.inboxId(), threadId: thread.id, platformId: ids.platformId(),
                    direction: outbound ? "outbound" : "inbound",
                    content: lines[Int(random.next() % UInt64(lines.count))],
                    memberId: outbound ? DemoTeam.members[Int(roll) % 4].id : nil,
                    origin: outbound ? "internal" : "external", replyTo: nil, createdAt: at))
            outbound = isRequest ? false : !outbound
        }
        thread.sortAt = at
        try db.insert(thread)
    }

    mutating func unit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
}

/// An X DM conversation id: both user ids, numerically smaller first.
func conversationId(_ first: String, _ second: String) -> String {
    let ordered = [first, second].sorted { ($0.count, $0) < ($1.count, $1) }
    return "\(ordered[0]):\(ordered[1])"
}

extension String {
    fileprivate var replacingDashes: String { replacing("_", with: "-") }
}
