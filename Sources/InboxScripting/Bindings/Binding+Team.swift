import InboxClient
import LuaKit

extension Binding {
    /// The team, its members, account links, platforms, colours and events.
    static var teamBindings: [Binding] {
        [
            Binding(
                "inbox.account_links", "inbox.account_links([{status =, platform =}])",
                "The team's connected accounts (account links), the ones messages are sent from.",
                shape: .table,
                keys: [
                    BindingKey("status", .ids, aliases: ["statuses"]),
                    BindingKey("platform", .ids, aliases: ["platforms"]),
                ]
            ) { call in
                let query = AccountLinkQuery(
                    statuses: call.list("status"), platforms: call.list("platform"))
                let links = try call.read { try $0.allAccountLinks(query).collect() }
                return [.array(links.map(\.json))]
            },
            Binding(
                "inbox.api_version", "inbox.api_version()",
                "The API version the backend speaks, \"v1\" or \"v2\"; results have its shapes."
            ) { call in
                [.string(try call.read { $0.version.rawValue })]
            },
            Binding("inbox.team", "inbox.team()", "The team the token belongs to.") { call in
                [LuaValue(json: try call.read { try $0.team() }.json)]
            },
            Binding("inbox.members", "inbox.members()", "Every member of the team.") { call in
                [.array(try call.read { try $0.allMembers().collect() }.map(\.json))]
            },
            Binding(
                "inbox.platforms", "inbox.platforms()",
                "The platforms the team can use and what each supports (v2 only)."
            ) { call in
                [.array(try call.read { try $0.platforms() }.map(\.json))]
            },
            Binding(
                "inbox.colors", "inbox.colors()", "The palette tags and statuses may use."
            ) { call in
                [.array(try call.read { try $0.colors() }.map(\.json))]
            },
            Binding(
                "inbox.events", "inbox.events([{afterSeq =, limit =}])",
                "Events after a sequence number: {events = {...}, lastSeq =, hasMore =}.",
                shape: .table,
                keys: [BindingKey("afterSeq", .integer), BindingKey("limit", .integer)]
            ) { call in
                let page = try call.read { inbox in
                    try inbox.events(
                        afterSeq: call.values["afterSeq"]?.integerValue,
                        limit: call.integer("limit"))
                }
                var table = LuaTable()
                table["events"] = .array(page.events.map(\.json))
                table["lastSeq"] = page.lastSeq.map(LuaValue.integer) ?? .null
                table["hasMore"] = .boolean(page.hasMore)
                return [.table(table)]
            },
        ]
    }
}

extension LuaValue {
    /// An array-marked table of API objects.
    static func array(_ objects: [JSONValue]) -> LuaValue {
        .table(.array(objects.map(LuaValue.init(json:))))
    }
}
