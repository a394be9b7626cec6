extension Inbox {
    /// All threads matching the query, fetched page by page as they are read.
    public func allThreads(_ query: ThreadQuery = ThreadQuery()) -> Paging<Thread> {
        Paging(operation: "threads") { cursor in try self.threads(query, cursor: cursor) }
    }

    /// All account links matching the query, fetched page by page.
    public func allAccountLinks(_ query: AccountLinkQuery = AccountLinkQuery())
        -> Paging<AccountLink>
    {
        Paging(operation: "accountLinks") { cursor in
            try self.accountLinks(query, cursor: cursor)
        }
    }

    /// All members, fetched page by page.
    public func allMembers() -> Paging<Member> {
        Paging(operation: "members") { cursor in try self.members(cursor: cursor) }
    }

    /// All of a thread's messages, fetched page by page.
    public func allMessages(threadId: String, _ query: MessageQuery = MessageQuery())
        -> Paging<Message>
    {
        Paging(operation: "messages") { cursor in
            try self.messages(threadId: threadId, query, cursor: cursor)
        }
    }
}
