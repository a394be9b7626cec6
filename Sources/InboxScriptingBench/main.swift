import Foundation
import InboxScripting
import LuaKit

// Times a routing rule called for N people through the facade (a ScriptFunction called from
// Swift with each person, as a table built in Swift) against the same rule looping in pure
// Lua over tables built beforehand, in one process, both under the same limits. Prints the
// ratio.
//
// TODO: the goal (facade within 2x of pure Lua) is not met: a call costs about 5,200
// instructions against about 1,000 for the rule over a built table. Building the argument
// table alone (lua_createtable with its share of garbage collection, about 1,250, and
// interning its three strings, about 860) costs more than the whole pure-Lua side; the rest
// is the protected call (about 730 with the rule) and Swift's conversions (about 1,000).
// Meeting it needs the caller to pass tables that live in Lua, or values pushed once.
//
// Usage: InboxScriptingBench [PEOPLE] [both|facade|lua]. The timed loops are the functions
// `runFacade` and `runPureLua`, so that `valgrind --tool=callgrind` followed by
// `callgrind_annotate --inclusive=yes` gives each side's instruction count.

let arguments = CommandLine.arguments.dropFirst()
let count = arguments.first.flatMap(Int.init) ?? 1_000_000
let mode = arguments.dropFirst().first ?? "both"
let rule = """
    function route(person)
      if person.followerCount >= 100000 then return "acmecorp" end
      return "acmesupport"
    end

    function prepare(n)
      people = {}
      for i = 1, n do
        people[i] = {username = "person" .. i, followerCount = (i * 7919) % 300000}
      end
    end

    function loop()
      local route, people, big = route, people, 0
      for i = 1, #people do
        if route(people[i]) == "acmecorp" then big = big + 1 end
      end
      return big
    end
    """

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

// Two hosts, so that the million tables the pure-Lua side keeps alive do not slow the
// facade side's garbage collection.
func makeHost() throws -> ScriptHost {
    let host = try ScriptHost(
        options: ScriptHostOptions(
            backend: .emulator(path: ":memory:"), limits: LuaLimits(timeout: .seconds(60))))
    try host.load(source: rule, name: "=bench")
    return host
}
let host = try makeHost()
let pureHost = try makeHost()
let route = try host.function("route")

let people: [LuaValue] = (1...count).map { index in
    var person = LuaTable()
    person["username"] = .string("person\(index)")
    person["followerCount"] = .integer(Int64((index * 7919) % 300_000))
    return .table(person)
}
_ = try pureHost.call("prepare", [.integer(Int64(count))])

/// The facade side: the rule called from Swift once per person; returns how many go to acmecorp.
@inline(never)
func runFacade(_ route: ScriptFunction, _ people: [LuaValue]) throws -> Int {
    let corp: LuaValue = "acmecorp"
    var big = 0
    for person in people where try route.call([person]).first == corp {
        big += 1
    }
    return big
}

/// The pure-Lua side: the same rule looping over tables already built.
@inline(never)
func runPureLua(_ host: ScriptHost) throws -> LuaValue {
    try host.call("loop", []).first ?? .nil
}

var facadeBig = 0
var luaBig: LuaValue = .nil
let facade = try seconds {
    if mode != "lua" { facadeBig = try runFacade(route, people) }
}
let pure = try seconds {
    if mode != "facade" { luaBig = try runPureLua(pureHost) }
}
guard mode != "both" || luaBig == .integer(Int64(facadeBig)) else {
    FileHandle.standardError.write(Data("bench: the two runs disagree\n".utf8))
    exit(1)
}
print(
    String(
        format:
            "rule through the facade: %d people in %.3f s (%.0f ns each), pure Lua %.3f s "
            + "(%.0f ns each), ratio %.2fx (goal <= 2x)", count, facade,
        facade / Double(count) * 1e9, pure, pure / Double(count) * 1e9, facade / pure))
