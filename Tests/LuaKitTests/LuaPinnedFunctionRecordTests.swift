import LuaKit
import Testing

/// A person as a rule sees one: every kind of value a writer takes, and a key left out.
private struct Member: LuaRecord {
    var username: String
    var followerCount: Int
    var score: Double = 0.5
    var verified: Bool = true
    var id: Int64 = 1_566_123_362_161_725_441
    var tags: LuaValue = .table(.array(["vip"]))
    var note: String?

    static let luaKeys = [
        "username", "followerCount", "score", "verified", "id", "tags", "note", "bio",
    ]

    func write(to table: inout LuaRecordWriter) throws {
        table.write(username)
        table.write(followerCount)
        table.write(score)
        table.write(verified)
        table.write(id)
        try table.write(tags)
        if let note { table.write(note) } else { table.skip() }
        try table.write(.null)
    }
}

/// A record of another shape, to call the same function with.
private struct Tag: LuaRecord {
    var name: String

    static let luaKeys = ["name"]

    func write(to table: inout LuaRecordWriter) throws {
        table.write(name)
    }
}

/// A record that writes one value more than it has keys.
private struct Overflowing: LuaRecord {
    static let luaKeys = ["a"]

    func write(to table: inout LuaRecordWriter) throws {
        table.write(1)
        table.write(2)
    }
}

private struct Twice: LuaRecord {
    static let luaKeys = ["a", "a"]

    func write(to table: inout LuaRecordWriter) throws {}
}

@Suite struct LuaPinnedFunctionRecordTests {
    @Test func aRecordArrivesAsATableOfItsFields() throws {
        let describe = try pinnedRule(
            """
            function describe(p)
              local keys = {}
              for k in pairs(p) do keys[#keys + 1] = k end
              table.sort(keys)
              return string.format("%s %d %s %.1f %s %d %s %s %s %s %s",
                p.username, p.followerCount, math.type(p.followerCount), p.score,
                tostring(p.verified), p.id, p.tags[1], tostring(p.note),
                tostring(p.bio), tostring(getmetatable(p)), table.concat(keys, ","))
            end
            """, "describe")
        let text = try describe.call(Member(username: "ana", followerCount: 120_000))
        #expect(
            text
                == .string(
                    "ana 120000 integer 0.5 true 1566123362161725441 vip nil json.null nil "
                        + "bio,followerCount,id,score,tags,username,verified"))
        let noted = try describe.call(Member(username: "bo", followerCount: 7, note: "hi"))
        #expect(noted.text?.contains(" vip hi json.null ") == true)
        #expect(describe.state.stackTop == 0)
    }

    @Test func resultsComeBackOfEveryKind() throws {
        let pick = try pinnedRule(
            """
            function pick(p)
              local n = p.followerCount
              if n > 0 then return n > 100 and "big" or "small" end
              if n == 0 then return end
              if n == -1 then return {n = n} end
              return n * 1.5, "ignored"
            end
            """, "pick")
        let answers = try [500, 5, 900, 0, -1, -2].map {
            try pick.call(Member(username: "x", followerCount: $0))
        }
        let table = LuaValue.table(LuaTable(fields: ["n": -1]))
        #expect(answers == ["big", "small", "big", .nil, table, -3.0])
        #expect(pick.state.stackTop == 0)
    }

    @Test func aKeptTableIsNotChangedByLaterCalls() throws {
        let keep = try pinnedRule(
            """
            kept = {}
            function keep(p) kept[#kept + 1] = p return #kept end
            """, "keep")
        for (index, name) in ["ana", "bo", "cy"].enumerated() {
            let count = try keep.call(Member(username: name, followerCount: index))
            #expect(count == .integer(Int64(index + 1)))
        }
        let seen = try keep.state.run(
            """
            return kept[1].username, kept[2].username, kept[3].username,
              kept[1].followerCount, kept[3].followerCount, kept[1] ~= kept[2]
            """)
        #expect(seen == ["ana", "bo", "cy", 0, 2, true])
    }

    @Test func recordsOfTwoShapesCanTakeTurns() throws {
        let first = try pinnedRule(
            "function first(t) return t.username or t.name end", "first")
        let answers = try [
            first.call(Member(username: "ana", followerCount: 1)),
            first.call(Tag(name: "vip")),
            first.call(Tag(name: "new")),
            first.call(Member(username: "bo", followerCount: 2)),
        ]
        #expect(answers == ["ana", "vip", "new", "bo"])
    }

    @Test func limitsApplyToEachCall() throws {
        let source = """
            function spin(p) if p.followerCount > 0 then while true do end end return "ok" end
            function hog(p)
              local t = {}
              if p.followerCount > 0 then for i = 1, 1e8 do t[i] = i end end
              return "ok"
            end
            """
        let cases: [(LuaLimits, String, LuaError.Kind, String)] = [
            (
                LuaLimits(timeout: .milliseconds(100)), "spin", .timeLimit,
                "rule.lua:1: time limit exceeded"
            ),
            (
                LuaLimits(instructions: 100_000), "spin", .instructionLimit,
                "rule.lua:1: instruction limit exceeded"
            ),
            (LuaLimits(memory: 4 << 20), "hog", .memory, "not enough memory"),
        ]
        for (limits, name, kind, message) in cases {
            try expectEachCallLimited(
                pinnedRule(source, name, limits: limits), kind, message,
                over: { _ = try $0.call(Member(username: "x", followerCount: 1)) },
                within: { try $0.call(Member(username: "x", followerCount: 0)) },
                expected: LuaValue.string("ok"))
        }
    }

    @Test func errorsCarryThePositionAndLeaveTheStackAsItWas() throws {
        let fail = try pinnedRule(
            """
            function fail(p)
              error("no route for " .. p.username)
            end
            """, "fail")
        let error = #expect(throws: LuaError.self) {
            try fail.call(Member(username: "ana", followerCount: 1))
        }
        #expect(error?.kind == .runtime)
        #expect(error?.message == "rule.lua:2: no route for ana")
        #expect(error?.traceback?.hasPrefix("stack traceback:") == true)
        #expect(fail.state.stackTop == 0)
    }

    @Test func writingMoreValuesThanKeysThrowsWithoutCalling() throws {
        let count = try pinnedRule("calls = 0 function count(t) calls = calls + 1 end", "count")
        let error = #expect(throws: LuaError.self) { try count.call(Overflowing()) }
        #expect(error?.message == "Overflowing wrote more values than its 1 keys")
        #expect(try count.state.global("calls") == 0)
        #expect(count.state.stackTop == 0)
    }

    @Test func keysMustBeDistinct() throws {
        let echo = try pinnedRule("function echo(t) return t end", "echo")
        let error = #expect(throws: LuaError.self) { try echo.call(Twice()) }
        #expect(error?.message == #"the keys of Twice are not distinct: ["a", "a"]"#)
        #expect(echo.state.stackTop == 0)
    }

    @Test func aValueThatCannotBePushedFailsTheCall() throws {
        let echo = try pinnedRule("function echo(t) return t.username end", "echo")
        let other = try LuaState()
        let foreign = try other.run("return print")[0]
        let error = #expect(throws: LuaError.self) {
            try echo.call(Member(username: "x", followerCount: 1, tags: foreign))
        }
        #expect(error?.message == "a Lua value was used in another state")
        #expect(echo.state.stackTop == 0)
        #expect(try echo.call(Member(username: "y", followerCount: 1)) == "y")
    }

    @Test func callingAfterCloseFailsCleanly() throws {
        let echo = try pinnedRule("function echo(t) return t end", "echo")
        echo.state.close()
        let error = #expect(throws: LuaError.self) {
            try echo.call(Member(username: "x", followerCount: 1))
        }
        #expect(error?.message == "the Lua state is closed")
    }
}
