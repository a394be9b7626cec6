/// A slice of the event log after a sequence number.
public struct EventPage: Sendable, Hashable {
    /// The events, in sequence order.
    public var events: [Event]
    /// The last sequence number on the page; pass it as `afterSeq` to continue.
    public var lastSeq: Int64?
    /// Whether more events follow.
    public var hasMore: Bool

    /// A page of events.
    public init(events: [Event], lastSeq: Int64?, hasMore: Bool) {
        self.events = events
        self.lastSeq = lastSeq
        self.hasMore = hasMore
    }
}
