import FoundationEssentials

/// Rows of the store, as the wire encoders read them.

struct TeamRecord {
    var id: String, name: String, slug: String, currency: String, createdAt: Int64
}

struct MemberRecord {
    var id: String, userId: String, name: String?, email: String, role: String
    var createdAt: Int64
}

struct AccountLinkRecord {
    var id: String, platformId: String, username: String, displayName: String
    var status: String, syncedAt: Int64?, createdAt: Int64
}

struct TagRecord {
    var id: String, name: String, color: String, createdAt: Int64
}

struct StatusRecord {
    var id: String, name: String, color: String?, position: Int64, createdAt: Int64
}

struct ProfileRecord {
    var id: String, platformId: String, username: String, displayName: String
    var bio: String?, location: String?, websiteUrl: String?
    var followerCount: Int64, followingCount: Int64, postCount: Int64
    var listedCount: Int64, engagementCount: Int64
    var badge: String?, profileType: String, isProtected: Bool
    var platformCreatedAt: Int64, updatedAt: Int64
}

struct ContactRecord {
    var id: String, profileId: String, statusId: String?, notes: String?
    var valuation: Double?, assigneeId: String?, createdAt: Int64, updatedAt: Int64
    var tagIds: [String] = []
}

struct ThreadRecord {
    var id: String, accountLinkId: String, contactId: String, platformId: String
    var assigneeId: String?, isRequest: Bool, archived: Bool, unread: Bool
    var typing: String, createdAt: Int64, sortAt: Int64
}

struct MessageRecord {
    var id: String, threadId: String, platformId: String?, direction: String
    var content: String, memberId: String?, origin: String, replyTo: String?
    var createdAt: Int64
}

struct EventRecord {
    var seq: Int64, id: String, type: String, objectType: String, objectId: String
    var data: String, createdAt: Int64
}

// MARK: - Reading rows

extension SQLiteStatement {
    func member() -> MemberRecord {
        MemberRecord(
            id: text(0), userId: text(1), name: optionalText(2), email: text(3), role: text(4),
            createdAt: int(5))
    }

    func accountLink() -> AccountLinkRecord {
        AccountLinkRecord(
            id: text(0), platformId: text(1), username: text(2), displayName: text(3),
            status: text(4), syncedAt: optionalInt(5), createdAt: int(6))
    }

    func tag() -> TagRecord {
        TagRecord(id: text(0), name: text(1), color: text(2), createdAt: int(3))
    }

    func status() -> StatusRecord {
        StatusRecord(
            id: text(0), name: text(1), color: optionalText(2), position: int(3),
            createdAt: int(4))
    }

    func profile() -> ProfileRecord {
        ProfileRecord(
            id: text(0), platformId: text(1), username: text(2), displayName: text(3),
            bio: optionalText(4), location: optionalText(5), websiteUrl: optionalText(6),
            followerCount: int(7), followingCount: int(8), postCount: int(9),
            listedCount: int(10), engagementCount: int(11), badge: optionalText(12),
            profileType: text(13), isProtected: bool(14), platformCreatedAt: int(15),
            updatedAt: int(16))
    }

    func contact() -> ContactRecord {
        ContactRecord(
            id: text(0), profileId: text(1), statusId: optionalText(2), notes: optionalText(3),
            valuation: optionalDouble(4), assigneeId: optionalText(5), createdAt: int(6),
            updatedAt: int(7))
    }

    func thread() -> ThreadRecord {
        ThreadRecord(
            id: text(0), accountLinkId: text(1), contactId: text(2), platformId: text(3),
            assigneeId: optionalText(4), isRequest: bool(5), archived: bool(6),
            unread: bool(7), typing: text(8), createdAt: int(9), sortAt: int(10))
    }

    func message() -> MessageRecord {
        MessageRecord(
            id: text(0), threadId: text(1), platformId: optionalText(2), direction: text(3),
            content: text(4), memberId: optionalText(5), origin: text(6),
            replyTo: optionalText(7), createdAt: int(8))
    }

    func event() -> EventRecord {
        EventRecord(
            seq: int(0), id: text(1), type: text(2), objectType: text(3), objectId: text(4),
            data: text(5), createdAt: int(6))
    }
}

/// The column lists matching the readers above, in their order.
enum Columns {
    static let member = "id, user_id, name, email, role, created_at"
    static let accountLink =
        "id, platform_id, username, display_name, status, synced_at, created_at"
    static let tag = "id, name, color, created_at"
    static let status = "id, name, color, position, created_at"
    static let profile = """
        id, platform_id, username, display_name, bio, location, website_url, follower_count, \
        following_count, post_count, listed_count, engagement_count, badge, profile_type, \
        is_protected, platform_created_at, updated_at
        """
    static let contact =
        "id, profile_id, status_id, notes, valuation, assignee_id, created_at, updated_at"
    static let thread = """
        id, account_link_id, contact_id, platform_id, assignee_id, is_request, archived, \
        unread, typing, created_at, sort_at
        """
    static let message =
        "id, thread_id, platform_id, direction, content, member_id, origin, reply_to, created_at"
    static let event = "seq, id, type, object_type, object_id, data, created_at"

    /// A column list with every name prefixed by a table alias (`t.id, ...`).
    static func qualified(_ columns: String, _ alias: String) -> String {
        columns.split(separator: ",")
            .map { alias + "." + $0.filter { !$0.isWhitespace } }
            .joined(separator: ", ")
    }
}
