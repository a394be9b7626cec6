import Foundation
import HTTPServer
import Testing

@testable import InboxClient

@Suite struct PagingTests {
    /// A v2 thread page of the given ids.
    static func page(_ ids: [String], next: String?) -> String {
        let threads = ids.map { id in
            #"{"id":"\#(id)","platform":"twitter","platformId":null,"accountLinkId":"al1","#
                + #""profileId":"p","contactId":"c","assigneeId":null,"archived":false,"#
                + #""unread":false,"isRequest":false,"createdAt":"2026-01-01T00:00:00.000Z"}"#
        }
        let cursor = next.map { "\"\($0)\"" } ?? "null"
        return #"{"data":[\#(threads.joined(separator: ","))],"nextCursor":\#(cursor)}"#
    }

    @Test func followsCursorsAcrossPagesWithoutSkipping() throws {
        let server = try LoopbackServer { request, _ in
            switch request.queryValue("cursor") {
            case nil: return reply(200, Self.page(["t1", "t2"], next: "c/2+"))
            case "c/2+": return reply(200, Self.page([], next: "c3"))
            case "c3": return reply(200, Self.page(["t3"], next: nil))
            default: return reply(400, #"{"code":"invalidCursor","message":"bad"}"#)
            }
        }
        let client = server.client()
        let threads = try client.allThreads(ThreadQuery(folder: .all, limit: 2)).collect()
        #expect(threads.map(\.id) == ["t1", "t2", "t3"])
        #expect(
            server.requests.map(\.rawQuery) == [
                "folder=all&limit=2", "folder=all&limit=2&cursor=c%2F2%2B",
                "folder=all&limit=2&cursor=c3",
            ])
    }

    @Test func repeatedCursorIsAnErrorAfterThePagesItems() throws {
        let server = try LoopbackServer { request, _ in
            request.queryValue("cursor") == nil
                ? reply(200, Self.page(["t1"], next: "same"))
                : reply(200, Self.page(["t2"], next: "same"))
        }
        let paging = server.client().allThreads()
        #expect(try paging.next()?.id == "t1")
        #expect(try paging.next()?.id == "t2")
        let error = try #require(throws: InboxError.self) { try paging.next() }
        #expect(error.kind == .repeatedCursor)
        #expect(error.operation == "threads")
        #expect(server.requests.count == 2)
    }

    @Test func collectStopsAtTheLimit() throws {
        let pages = [
            Page(items: [1, 2], nextCursor: PageCursor("a")),
            Page(items: [3, 4], nextCursor: nil),
        ]
        var fetched: [PageCursor?] = []
        let paging = Paging<Int>(operation: "numbers") { cursor in
            fetched.append(cursor)
            return cursor == nil ? pages[0] : pages[1]
        }
        #expect(try paging.collect(limit: 3) == [1, 2, 3])
        #expect(fetched == [nil, PageCursor("a")])
        #expect(try paging.collect() == [4])
    }
}
