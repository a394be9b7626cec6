/// Follows cursors lazily: fetches a page only when its items are needed.
///
/// A cursor seen before is an error (`InboxError.Kind.repeatedCursor`) rather than an
/// endless loop, and every item of every page is yielded in order, including after an
/// empty page that still has a next cursor.
public final class Paging<Item: Sendable> {
    private let fetch: (PageCursor?) throws -> Page<Item>
    private var nextCursor: PageCursor?
    private var started = false
    private var seenCursors: Set<PageCursor> = []
    private var buffer: [Item] = []
    private var bufferIndex = 0
    private let operation: String
    private var pendingError: InboxError?

    /// Pages through `fetch`, starting at `cursor` (nil for the first page).
    public init(
        operation: String, from cursor: PageCursor? = nil,
        fetch: @escaping (PageCursor?) throws -> Page<Item>
    ) {
        self.operation = operation
        self.fetch = fetch
        nextCursor = cursor
        if let cursor { seenCursors.insert(cursor) }
    }

    /// The next page, or nil after the last.
    ///
    /// A page whose next cursor repeats an earlier one is still returned whole; the call
    /// after it throws.
    public func nextPage() throws -> Page<Item>? {
        if let pendingError { throw pendingError }
        guard !started || nextCursor != nil else { return nil }
        let page = try fetch(nextCursor)
        started = true
        nextCursor = page.nextCursor
        if let cursor = page.nextCursor, !seenCursors.insert(cursor).inserted {
            nextCursor = nil
            pendingError = InboxError.repeatedCursor(operation: operation, cursor: cursor)
        }
        return page
    }

    /// The next item, fetching pages as needed; nil after the last.
    public func next() throws -> Item? {
        while bufferIndex == buffer.count {
            guard let page = try nextPage() else { return nil }
            buffer = page.items
            bufferIndex = 0
        }
        defer { bufferIndex += 1 }
        return buffer[bufferIndex]
    }

    /// Every remaining item, up to `limit` when given.
    public func collect(limit: Int? = nil) throws -> [Item] {
        var items: [Item] = []
        while limit.map({ items.count < $0 }) ?? true, let item = try next() {
            items.append(item)
        }
        return items
    }

    /// Calls `body` with every remaining item, fetching pages as needed.
    public func forEachItem(_ body: (Item) throws -> Void) throws {
        while let item = try next() { try body(item) }
    }
}
