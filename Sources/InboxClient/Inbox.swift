// TODO: message history, typing indicators, attachment URLs, thread deletion and v1 lists,
// leads and campaigns are API features this protocol does not cover yet (scripts have not
// needed them); they would be additive requirements.
/// An Inbox team: what scripts can read and change, whatever serves it.
///
/// The v2 client, the v1 client and the in-process emulator implement it. Calls are
/// synchronous and throw `InboxError`; long waits (HTTP, retry sleeps, rate-limit pacing)
/// stop early when the client's `CancellationToken` is tripped. A feature the configured
/// API version lacks throws `InboxError` of kind `.unsupported`, never a silent no-op.
public protocol Inbox: Sendable {
    /// The wire version this inbox speaks.
    var version: APIVersion { get }

    // MARK: - Team

    /// The team the token belongs to.
    func team() throws -> Team
    /// One page of the team's members (v1 returns them all in one page).
    func members(cursor: PageCursor?) throws -> Page<Member>
    /// The platforms the team can use (v2 only).
    func platforms() throws -> [PlatformInfo]
    /// Events after a sequence number (exclusive); nil starts at the oldest kept.
    func events(afterSeq: Int64?, limit: Int?) throws -> EventPage

    // MARK: - Account links and threads

    /// One page of account links, filtered by status or platform.
    func accountLinks(_ query: AccountLinkQuery, cursor: PageCursor?) throws -> Page<AccountLink>
    /// One page of threads matching the query.
    func threads(_ query: ThreadQuery, cursor: PageCursor?) throws -> Page<Thread>
    /// One thread by id.
    func thread(id: String) throws -> Thread
    /// The thread between one account link and one person, or nil when there is none.
    func findThread(accountLinkId: String, person: PersonRef) throws -> Thread?
    /// The threads with the person of this username, across all account links unless
    /// `accountLinkIds` narrows them.
    func threads(username: String, accountLinkIds: [String]) throws -> [Thread]
    /// Opens an active thread with a person (v1 only; v2 creates threads by sending).
    func createThread(accountLinkId: String, person: PersonRef) throws -> Thread
    /// Changes a thread: archived, assignee, unread.
    func updateThread(id: String, _ update: ThreadUpdate) throws -> Thread

    // MARK: - Messages

    /// Sends a message into a thread or to a person.
    func send(_ request: SendRequest) throws -> SendResult
    /// One page of a thread's messages.
    func messages(threadId: String, _ query: MessageQuery, cursor: PageCursor?) throws
        -> Page<Message>
    /// Edits a message's text where the platform allows.
    func editMessage(_ message: MessageRef, content: String) throws -> APIObject
    /// Deletes a message, for the team only or for everyone (unsend).
    func deleteMessage(_ message: MessageRef, forEveryone: Bool) throws -> APIObject
    /// Adds a reaction.
    func react(_ message: MessageRef, emoji: String) throws -> APIObject
    /// Removes a reaction.
    func unreact(_ message: MessageRef, emoji: String) throws -> APIObject

    // MARK: - People

    /// Looks a person up; nil when the team does not know them.
    func findPerson(_ person: PersonRef) throws -> Person?
    /// Changes a person: status, notes, valuation, tags, assignee. Returns the person as
    /// the API has them afterwards.
    func updatePerson(id: String, _ update: PersonUpdate) throws -> Person

    // MARK: - Tags, statuses, colours

    /// Every tag.
    func tags() throws -> [Tag]
    /// Creates a tag; `name` is required.
    func createTag(_ change: LabelChange) throws -> Tag
    /// Renames or recolours a tag.
    func updateTag(id: String, _ change: LabelChange) throws -> Tag
    /// Deletes a tag, removing it from everyone.
    func deleteTag(id: String) throws
    /// Every status, in board order.
    func statuses() throws -> [Status]
    /// Creates a status; `name` is required.
    func createStatus(_ change: LabelChange) throws -> Status
    /// Renames or recolours a status.
    func updateStatus(id: String, _ change: LabelChange) throws -> Status
    /// Deletes a status.
    func deleteStatus(id: String) throws
    /// The palette tags and statuses may use.
    func colors() throws -> [Color]
}
