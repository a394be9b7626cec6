/// One page of a collection, and the cursor to the next.
public struct Page<Item: Sendable>: Sendable {
    /// The items, in the API's order.
    public var items: [Item]
    /// The cursor of the next page, nil on the last page.
    public var nextCursor: PageCursor?

    /// A page of items.
    public init(items: [Item], nextCursor: PageCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page: Equatable where Item: Equatable {}
