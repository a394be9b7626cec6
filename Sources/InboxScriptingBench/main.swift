import Foundation
import InboxScripting
import LuaKit

// Times a routing rule called for N people through the facade (a ScriptFunction called from
// Swift with each person, as a table built in Swift) against the same rule looping in pure
// Lua over tables built beforehand, in one process, both under the same limits. Prints the
// ratio.

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
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

var facadeBig = 0
let facade = try seconds {
    for person in people where try route.call([person]).first == "acmecorp" {
        facadeBig += 1
    }
}
var luaBig: LuaValue = .nil
let pure = try seconds {
    luaBig = try pureHost.call("loop", []).first ?? .nil
}
guard luaBig == .integer(Int64(facadeBig)) else {
    FileHandle.standardError.write(Data("bench: the two runs disagree\n".utf8))
    exit(1)
}
print(
    String(
        format:
            "rule through the facade: %d people in %.3f s (%.0f ns each), pure Lua %.3f s "
            + "(%.0f ns each), ratio %.2fx (goal <= 2x)", count, facade,
        facade / Double(count) * 1e9, pure, pure / Double(count) * 1e9, facade / pure))
