/// The first lines of an interactive session: which backend the session talks to and
/// which team it sees. The REPL knows nothing of Inbox, so the caller describes both.
public struct REPLBanner {
    /// The backend, as the user should read it: `local emulator at ~/...`, `Inbox API v2`.
    public var backend: String

    /// The team's name, fetched when the banner is shown; nil leaves it out.
    public var team: () -> String?

    /// Creates a banner.
    public init(backend: String, team: @escaping () -> String? = { nil }) {
        self.backend = backend
        self.team = team
    }

    /// The banner text, ending with a newline.
    func text(luaVersion: String) -> String {
        var text = "inbox-lua (\(luaVersion)) on \(backend)\n"
        if let team = team() {
            text += "Team: \(team). "
        }
        return text + "Type help() for help; Ctrl-D exits.\n"
    }
}
