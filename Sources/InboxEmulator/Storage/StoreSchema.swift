/// The tables of one emulated team. Times are Unix milliseconds (UTC);
/// booleans are 0/1. Ids are cuid2-shaped text.
enum StoreSchema {
    /// Bumped when the tables change; a file with another version is reseeded.
    static let version: Int64 = 1

    static let create = """
        CREATE TABLE IF NOT EXISTS team (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL,
            currency TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS members (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT, email TEXT NOT NULL,
            role TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS account_links (
            id TEXT PRIMARY KEY, platform_id TEXT NOT NULL UNIQUE, username TEXT NOT NULL,
            display_name TEXT NOT NULL, status TEXT NOT NULL, synced_at INTEGER,
            created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS tags (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            color TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS statuses (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, color TEXT,
            position INTEGER NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS profiles (
            id TEXT PRIMARY KEY, platform_id TEXT NOT NULL UNIQUE,
            username TEXT NOT NULL COLLATE NOCASE, display_name TEXT NOT NULL, bio TEXT,
            location TEXT, website_url TEXT, follower_count INTEGER NOT NULL,
            following_count INTEGER NOT NULL, post_count INTEGER NOT NULL,
            listed_count INTEGER NOT NULL, engagement_count INTEGER NOT NULL, badge TEXT,
            profile_type TEXT NOT NULL, is_protected INTEGER NOT NULL,
            platform_created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS profiles_username ON profiles(username);
        CREATE TABLE IF NOT EXISTS contacts (
            id TEXT PRIMARY KEY, profile_id TEXT NOT NULL UNIQUE REFERENCES profiles(id),
            status_id TEXT, notes TEXT, valuation REAL, assignee_id TEXT,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS contact_tags (
            contact_id TEXT NOT NULL, tag_id TEXT NOT NULL, PRIMARY KEY (contact_id, tag_id));
        CREATE TABLE IF NOT EXISTS threads (
            id TEXT PRIMARY KEY, account_link_id TEXT NOT NULL, contact_id TEXT NOT NULL,
            platform_id TEXT NOT NULL, assignee_id TEXT, is_request INTEGER NOT NULL,
            archived INTEGER NOT NULL, unread INTEGER NOT NULL, typing TEXT NOT NULL,
            created_at INTEGER NOT NULL, sort_at INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0, UNIQUE (account_link_id, contact_id));
        CREATE INDEX IF NOT EXISTS threads_order ON threads(sort_at, id);
        CREATE TABLE IF NOT EXISTS messages (
            id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, platform_id TEXT,
            direction TEXT NOT NULL, content TEXT NOT NULL, member_id TEXT,
            origin TEXT NOT NULL, reply_to TEXT, created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS messages_order ON messages(thread_id, created_at, id);
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key TEXT PRIMARY KEY, request TEXT NOT NULL, response TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, type TEXT NOT NULL,
            object_type TEXT NOT NULL, object_id TEXT NOT NULL, data TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        """

    /// Every table, children first, for wiping the team.
    static let tables = [
        "events", "idempotency_keys", "messages", "threads", "contact_tags", "contacts",
        "profiles", "statuses", "tags", "account_links", "members", "team",
    ]
}
