import Testing

@testable import InboxClient

@Suite struct InboxConfigurationTests {
    @Test func defaultsToV2AtTheVendor() throws {
        let configuration = try InboxConfiguration.fromEnvironment([:])
        #expect(configuration.version == .v2)
        #expect(configuration.baseURL == "https://inboxapp.com/api/v2")
        #expect(configuration.token == nil)
    }

    @Test func readsTheEnvironment() throws {
        let configuration = try InboxConfiguration.fromEnvironment([
            "INBOX_API_TOKEN": "ibt_secret", "INBOX_API_VERSION": "1",
            "INBOX_API_URL": "http://127.0.0.1:8080/api/v1/",
        ])
        #expect(configuration.version == .v1)
        #expect(configuration.baseURL == "http://127.0.0.1:8080/api/v1")
        #expect(configuration.token == "ibt_secret")
        #expect(
            configuration.description
                == "Inbox API v1 at http://127.0.0.1:8080/api/v1 (token set)")
    }

    @Test func callerVersionWinsAndPicksItsURL() throws {
        let configuration = try InboxConfiguration.fromEnvironment(
            ["INBOX_API_VERSION": "v2"], version: .v1)
        #expect(configuration.baseURL == "https://inboxapp.com/api/v1")
    }

    @Test func badVersionIsAConfigurationError() {
        #expect(
            throws: InboxError(
                .configuration, operation: "configuration",
                message: "INBOX_API_VERSION must be v1 or v2, not \"v3\"")
        ) {
            try InboxConfiguration.fromEnvironment(["INBOX_API_VERSION": "v3"])
        }
    }

    @Test func factoryPicksTheVersion() {
        let transport = ScriptedTransport(json: "{}")
        #expect(
            InboxClients.make(InboxConfiguration(version: .v1), transport: transport)
                .version == .v1)
        #expect(InboxClients.make(InboxConfiguration(), transport: transport).version == .v2)
    }

    @Test func aV1URLWithoutAVersionMeansV1() throws {
        let v1 = try InboxConfiguration.fromEnvironment([
            "INBOX_API_URL": "http://127.0.0.1:8080/api/v1/"
        ])
        #expect(v1.version == .v1)
        let v2 = try InboxConfiguration.fromEnvironment([
            "INBOX_API_URL": "http://127.0.0.1:8080/api/v1", "INBOX_API_VERSION": "v2",
        ])
        #expect(v2.version == .v2)
    }
}
