import FoundationEssentials
import HTTPServer
import InboxClient
import InboxEmulator

/// `inbox-lua emulator stress-writes` (hidden, for the durability test):
/// sends `--count` messages through the router and prints `ack <n> <id>` on
/// stdout after each one the emulator acknowledged.
enum EmulatorStress {
    static func run(_ options: EmulatorOptions) throws -> Int32 {
        let store = try options.openStore()
        let token = "stress-token"
        let router = EmulatorRouter(store: store, token: token)
        for index in 0..<options.count {
            let body: JSONValue = [
                "target": [
                    "type": "contact", "accountLinkId": .string(DemoTeam.acmecorp.id),
                    "contactId": .string(try store.demoContactId(index % 50)),
                ],
                "content": .string("stress write \(index)"),
            ]
            let response = router.handle(
                HTTPRequest(
                    method: "POST", path: "/api/v2/messages",
                    headers: ["authorization": "Bearer \(token)"], body: Array(body.serialized())))
            guard response.status == 201,
                let id = (try? JSONValue.parse(Data(response.body)))?["message"]?["id"]?.stringValue
            else {
                EmulatorCommand.printError("stress-writes: write \(index) got \(response.status)")
                return 1
            }
            Output.standard(Data("ack \(index) \(id)\n".utf8))
        }
        return 0
    }
}
