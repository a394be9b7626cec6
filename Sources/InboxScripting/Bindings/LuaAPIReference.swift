/// Renders `docs/lua-api.md` from the bindings table, so the reference cannot drift from
/// the module (a test compares the file with this output).
enum LuaAPIReference {
    static func markdown() -> String {
        var lines = [introduction]
        var section = ""
        for binding in Binding.all {
            let title = sectionTitle(binding.name)
            if title != section {
                section = title
                lines.append("## \(title)\n")
            }
            lines.append(entry(binding))
        }
        lines.append(closing)
        return lines.joined(separator: "\n")
    }

    private static func sectionTitle(_ name: String) -> String {
        let parts = name.split(separator: ".")
        guard parts.count > 2 || name == "inbox.threads" else {
            return name == "inbox.send" ? "Messages" : "Team and account links"
        }
        switch parts[1] {
        case "threads": return "Threads"
        case "messages": return "Messages"
        case "people": return "People (contacts, prospects)"
        default: return "Tags and statuses"
        }
    }

    private static func entry(_ binding: Binding) -> String {
        var text = "### `\(binding.signature)`\n\n\(binding.summary)"
        if binding.writes {
            text += " Writes: recorded, not made, in a dry run."
        }
        text += "\n"
        guard !binding.keys.isEmpty else { return text }
        text += "\n| key | also spelled | type | |\n|---|---|---|---|\n"
        for key in binding.keys {
            let aliases = key.aliases.map { "`\($0)`" }.joined(separator: ", ")
            text += "| `\(key.name)` | \(aliases) | \(key.type.label) | "
            text += key.required ? "required |\n" : " |\n"
        }
        return text
    }

    private static let introduction = """
        # The Lua API

        <!-- Generated from Sources/InboxScripting/Bindings (LuaAPIReference.swift); the test
        LuaAPIReferenceTests fails when this file is stale.
        UPDATE_DOCS=1 swift test rewrites it. -->

        Scripts see three modules, each a global and a `require` name: `inbox`, `json` and
        `log`. The `inbox` module speaks in account links, threads, messages and people; it
        runs unchanged against the live API (v1 or v2) and the local emulator.

        - **Arguments** are tables keyed by the API's own field names. Where v1 and v2 spell a
          field differently, both spellings work (`accountLinkId` or `accountLinkIds`,
          `platformId` or `externalPlatformId`, `archived` or `done`, `folder` or `inbox`).
          An unknown key is an error that lists the known keys; a wrong type names the key.
          Where an id is expected, an API object (a table with an `id`) may stand for it.
        - **Ids**: Inbox ids (`p3nf8wz2qk6vj9dm4cx7hbt1`) go where the API wants `...Id`;
          platform ids (X's numeric ids, `1566123362161725441`) are a person's or an
          account's id on X. Passing one where the other belongs is an error that says so.
        - **Results** are plain tables with the API's field names, in the configured
          version's shape. Lists are arrays marked as such (`json.encode` keeps `[]`),
          64-bit ids stay exact, and a JSON `null` is `json.null` (a missing field is `nil`).
        - **Errors** read `script.lua:12: inbox.threads.get: <cause>`, raised at the line
          that made the call; `pcall` catches them.
        - **Writes** (sends, updates, tags, deletes) all pass through one gate. With
          `--dry-run` they are recorded instead of made, answer with placeholders
          (`dry-run-message-2`), and the run ends by printing the plan in order
          (`--plan-json FILE` writes it as JSON).
        - **Paging** is invisible: lists follow every page (`max` stops early), and
          `for thread in inbox.threads{...} do ... end` fetches pages only as the loop
          needs them.

        """

    private static let closing = """
        ## Rules: `inbox.rules.choose`

        ### `inbox.rules.choose(rules, person [, {default =, trace = true}])`

        Picks the account link to send from. `rules` is an ordered list of
        `{name = "...", when = function(person) ... end, use = <username or account link id>}`
        and may carry `default = <username or id>`; `options.default` overrides it. The first
        rule whose `when` returns a true value fires; `when` may return a second value, a
        reason, which the trace shows. Returns the account link (a table), the name of the rule
        that fired (`"default"` when none did; `nil, nil` without a default) and, with
        `trace = true`, a list of lines such as `big accounts: matched (followers 250000)`,
        `press: skipped (rule "big accounts" fired first)`. Each check is also logged at
        `debug` level. `use` may be written `acmecorp`, `@acmecorp` or the link's id.

        ```lua
        local rules = {
          {name = "big accounts", use = "acmecorp",
            when = function(p) return p.followerCount >= 100000 end},
          default = "acmesupport",
        }
        local link, rule = inbox.rules.choose(rules, person.profiles[1])
        inbox.send{accountLinkId = link.id, contactId = person.id, content = "Hi!"}
        ```

        ## The `log` module

        `log.debug(message [, fields])`, `log.info`, `log.warn`, `log.error`: a constant message
        and a table of fields, written to stderr by the command line as
        `info: thread assigned member="Dana Whitfield" thread=k7x...` (fields sorted by key).
        `log.level([name])` returns the current level and sets a new one (`debug`, `info`,
        `warn`, `error`). A Swift host without a log sink is silent.

        ## The `json` module

        `json.encode(value)`, `json.decode(text)`, `json.pretty(value [, indent])`,
        `json.array([t])` (marks a table as an array) and `json.null`. Integers stay exact to
        64 bits, `[]` and `{}` survive a round trip, NaN and infinity cannot be encoded, and
        invalid UTF-8 is an error giving the byte offset.

        """
}
