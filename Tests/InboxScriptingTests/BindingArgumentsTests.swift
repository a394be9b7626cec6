import Testing

@testable import InboxScripting

@Suite struct BindingArgumentsTests {
    @Test func aPlatformIdWhereAnAccountLinkIdBelongsIsNamedAsSuch() throws {
        let fixture = try HostFixture()
        let message = fixture.failure(
            """
            local function send()
              inbox.send{accountLinkId = "1566123362161725440", username = "ben_hansen",
                content = "hi"}
            end
            send()
            """)
        #expect(
            message
                == "test:2: inbox.send: accountLinkId \"1566123362161725440\" looks like an X "
                + "platform id; use the account link's id (see inbox.account_links())")
    }

    @Test func aPlatformIdGivenAsAnIntegerIsCaughtToo() throws {
        let fixture = try HostFixture()
        let message = fixture.failure(
            "inbox.threads.list{accountLinkIds = {1566123362161725441}}")
        #expect(
            message
                == "test:1: inbox.threads.list: accountLinkIds \"1566123362161725441\" looks "
                + "like an X platform id; use the account link's id (see inbox.account_links())")
    }

    /// A thread's platformId (two user ids) or a person's (digits) where an Inbox id
    /// belongs, as an argument or as a key, is named as such before any request.
    @Test func platformIdsWhereAnInboxIdBelongsAreNamedAsSuch() throws {
        let fixture = try HostFixture()
        let conversation = "1437502833589490409:1876543210987654321"
        let hint =
            "looks like an X conversation id (a thread's platformId); use the thread's Inbox id "
            + "(the `id` field)"
        #expect(
            fixture.failure("inbox.threads.get('\(conversation)')")
                == "test:1: inbox.threads.get: thread id \"\(conversation)\" \(hint)")
        #expect(
            fixture.failure("inbox.messages.send{threadId = '\(conversation)', content = 'x'}")
                == "test:1: inbox.messages.send: threadId \"\(conversation)\" \(hint)")
        #expect(
            fixture.failure(
                "inbox.messages.send{threadId = '1437502833589490409-18765', content = 'x'}")
                == "test:1: inbox.messages.send: threadId \"1437502833589490409-18765\" \(hint)")
        #expect(
            fixture.failure("inbox.messages.send{contactId = '1566123362161725441', content = 'x'}")
                == "test:1: inbox.messages.send: contactId \"1566123362161725441\" looks like an "
                + "X platform id; use the Inbox id (the `id` field)")
        #expect(fixture.opened.isEmpty)
    }

    /// A negative count would read as "none" without a word.
    @Test func aNegativeCountIsRefused() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure("inbox.threads.list{max = -1}")
                == "test:1: inbox.threads.list: bad argument 'max' (must be 0 or more, got -1)")
        #expect(
            fixture.failure("for t in inbox.threads{limit = -5} do end")
                == "test:1: inbox.threads: bad argument 'limit' (must be 0 or more, got -5)")
        #expect(try fixture.run("print(#inbox.threads.list{max = 0})") == "0\n")
    }

    @Test func anInboxIdWhereAPlatformIdBelongsIsNamedAsSuch() throws {
        let fixture = try HostFixture()
        let message = fixture.failure(
            "inbox.people.lookup{platformId = 'p3nf8wz2qk6vj9dm4cx7hbt1'}")
        #expect(
            message
                == "test:1: inbox.people.lookup: platformId \"p3nf8wz2qk6vj9dm4cx7hbt1\" looks "
                + "like an Inbox id; use the person's platform user id (digits), or pass the "
                + "Inbox id as contactId")
    }

    @Test func anUnknownKeyListsTheKnownKeys() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure(
                "inbox.threads.lookup{accountLinkId = 'k7xq2m9vd4nbp8c3w6tyrh5a', user = 'x'}")
                == "test:1: inbox.threads.lookup: unknown key \"user\"; known keys: "
                + "accountLinkId, platformId (or externalPlatformId), contactId (or externalId, "
                + "prospectId), username, platform")
    }

    @Test func aWrongTypeNamesTheArgument() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure("inbox.threads.update('fmuuwy0kyb9hxih458aohpp3', {archived = 'yes'})")
                == "test:1: inbox.threads.update: bad argument 'archived' (boolean expected, "
                + "got string)")
        #expect(
            fixture.failure("inbox.threads.get({})")
                == "test:1: inbox.threads.get: bad argument #1 (thread id expected, got table)")
        #expect(
            fixture.failure("inbox.threads.list('noReply')")
                == "test:1: inbox.threads.list: bad argument #1 (table expected, got string)")
    }

    @Test func aMissingRequiredKeyIsNamed() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure("inbox.messages.send{threadId = 'fmuuwy0kyb9hxih458aohpp3'}")
                == "test:1: inbox.messages.send: content is required")
    }

    @Test func bothVersionsSpellingsAreAcceptedButNotTogether() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local a = inbox.threads.list{accountLinkId = 'k7xq2m9vd4nbp8c3w6tyrh5a', folder = 'all'}
            local b = inbox.threads.list{accountLinkIds = {'k7xq2m9vd4nbp8c3w6tyrh5a'},
              inbox = 'all'}
            print(#a, #b)
            local c = inbox.threads.list{inbox = 'no-reply'}
            local d = inbox.threads.list{folder = 'noReply'}
            print(#c, #d)
            """)
        #expect(output == "200\t200\n132\t132\n")
        #expect(
            fixture.failure("inbox.threads.update('x1', {done = true, archived = true})")
                == "test:1: inbox.threads.update: give archived or done, not both "
                + "(they are one key)")
    }

    @Test func anUnknownFolderListsTheFolders() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure("inbox.threads.list{folder = 'spam'}")
                == "test:1: inbox.threads.list: folder \"spam\" is not one of inbox, noReply, "
                + "requests, archived, all (v1: default, no-reply)")
    }

    @Test func anAPIObjectMayStandForItsId() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local link = inbox.account_links()[1]
            local thread = inbox.threads.list{accountLinkId = link, max = 1}[1]
            print(inbox.threads.get(thread).id == thread.id, thread.accountLinkId == link.id)
            """)
        #expect(output == "true\ttrue\n")
    }
}
