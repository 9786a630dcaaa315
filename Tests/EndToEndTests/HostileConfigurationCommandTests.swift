import Foundation
import JetEmailClient
import Testing
import TestSupport

/// Issue 27, as processes: credentials in a proxy variable or a base URL are never printed, a
/// config file nested 100,000 deep is refused by its line (not a crash), `doctor` reads what
/// RFC 9110 says a date may be and does not call /dev/null a journals' folder.
@Suite struct HostileConfigurationCommandTests {
    let dir = TemporaryDirectory()
    var key: [String] { ["--api-key-file", dir.file("key", "api_test0000000001")] }

    /// D8: a proxy variable with a password that cannot be used names the variable, never the
    /// password, and is not called the base URL.
    @Test(arguments: ["http://alice:s3cretpw@127.0.0.1:99999", "ftp://alice:s3cretpw@127.0.0.1:8080", "http://alice:s3cretpw@"])
    func aProxyWithCredentialsIsNeverPrinted(proxy: String) async throws {
        for command in [["list"], ["recover", "--webhook", "11111111-1111-4111-8111-111111111111", "--dry-run"], ["doctor"]] {
            let r = try await BuiltProgram.run(command + key + ["--base-url", "https://api.example.com"], environment: ["HTTPS_PROXY": proxy])
            #expect(r.status != 0, "\(command)")
            #expect(!r.stdout.contains("s3cretpw") && !r.stderr.contains("s3cretpw"), "\(command): \(r.stdout) \(r.stderr)")
            #expect((r.stdout + r.stderr).contains("HTTPS_PROXY") && !(r.stdout + r.stderr).contains("Base URL http"), "\(command): \(r.stdout) \(r.stderr)")
        }
    }

    /// D27: a base URL with a user and password is refused without printing the password.
    @Test func aBaseURLWithCredentialsIsRefusedWithoutPrintingThem() async throws {
        for command in [["list"], ["doctor"]] {
            let r = try await BuiltProgram.run(command + key + ["--base-url", "https://bob:s3cretpw@api.example.com"])
            #expect(r.status != 0 && (r.stdout + r.stderr).contains("credentials"), "\(r.stdout) \(r.stderr)")
            #expect(!r.stdout.contains("s3cretpw") && !r.stderr.contains("s3cretpw") && !r.stderr.contains("bob:"), "\(r.stdout) \(r.stderr)")
        }
        #expect(URLCredentials.masked("https://bob:pw@h.example/x?y=@z") == "https://***@h.example/x?y=@z")
        #expect(URLCredentials.masked("alice:pw@proxy:8080") == "***@proxy:8080" && URLCredentials.masked("https://h.example/a@b") == "https://h.example/a@b")
    }

    /// D9: arrays nested 100,000 deep (and inline tables) are refused, naming the line: no
    /// command crashes, doctor included.
    @Test(arguments: ["[", "{a="]) func aConfigNestedTooDeepIsRefusedByItsLine(open: String) async throws {
        let close = open == "[" ? "]" : "}"
        let config = dir.path + "/config"
        try FileManager.default.createDirectory(atPath: config + "/jetemail", withIntermediateDirectories: true)
        let text = "# profiles\n[default]\nx = " + String(repeating: open, count: 100_000) + "1" + String(repeating: close, count: 100_000) + "\n"
        FileManager.default.createFile(atPath: config + "/jetemail/config.toml", contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        for command in [["list"], ["doctor"]] {
            let r = try await BuiltProgram.run(command, environment: ["XDG_CONFIG_HOME": config, "JETEMAIL_BASE_URL": "http://127.0.0.1:9"])
            #expect(r.status == 2 || r.status == 1, "\(command): \(r.status) \(r.stderr.prefix(300))")
            #expect((r.stdout + r.stderr).contains("line 3") && (r.stdout + r.stderr).contains("nested more than 64 deep"), "\(command): \((r.stdout + r.stderr).prefix(400))")
        }
    }

    /// D16: a state folder under a file (/dev/null) is an error in doctor, as recover finds it.
    @Test func doctorSaysAJournalsFolderUnderAFileCannotBeMade() async throws {
        let r = try await BuiltProgram.run(["doctor", "--json"] + key, environment: ["XDG_STATE_HOME": "/dev/null", "JETEMAIL_BASE_URL": "http://127.0.0.1:9"])
        let checks = ((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any])?["checks"] as? [[String: Any]] ?? []
        let journals = try #require(checks.first { $0["name"] as? String == "journals" }, "\(r.stdout)")
        #expect(journals["status"] as? String == "error" && (journals["detail"] as? String)?.contains("/dev/null is not a folder") == true, "\(journals)")
    }

    /// D25: RFC 850 and asctime dates are read (RFC 9110 requires a recipient to), by doctor's
    /// clock check against a server that sends them.
    @Test(arguments: [true, false]) func doctorReadsObsoleteDateForms(rfc850: Bool) async throws {
        let server = try MisbehavingServer { _ in
            let now = Int(Date().timeIntervalSince1970)
            let imf = HTTPDate.format(now).split(separator: " ").map(String.init)   // Sun, 06 Dec 2026 02:10:00 GMT
            let weekday = ["Sun": "Sunday", "Mon": "Monday", "Tue": "Tuesday", "Wed": "Wednesday", "Thu": "Thursday", "Fri": "Friday", "Sat": "Saturday"][String(imf[0].dropLast())]!
            let date = rfc850 ? "\(weekday), \(imf[1])-\(imf[2])-\(imf[3].suffix(2)) \(imf[4]) GMT"
                : "\(imf[0].dropLast()) \(imf[2]) \(Int(imf[1])! < 10 ? " " : "")\(Int(imf[1])!) \(imf[4]) \(imf[3])"
            return [.sendText(MisbehavingServer.answer(200, DoctorCommandTests.list, headers: ["Date: \(date)"]))]
        }
        let (_, checks) = try await DoctorCommandTests().run([], ["JETEMAIL_BASE_URL": server.baseURL])
        #expect(checks["clock"]?["status"] as? String == "ok", "\(checks["clock"] ?? [:])")
    }

    @Test func httpDatesInEveryFormRFC9110Names() {
        #expect(HTTPDate.parse("Sunday, 06-Dec-26 02:10:00 GMT") == 1_796_523_000)
        #expect(HTTPDate.parse("Sun Dec  6 02:10:00 2026") == 1_796_523_000)
        #expect(HTTPDate.parse("Sun Dec 31 02:10:00 2026") != nil && HTTPDate.parse("Sun Feb 30 02:10:00 2026") == nil)
        #expect(HTTPDate.parse("Sunday, 06-Dec-26 02:10:00 PST") == nil && HTTPDate.parse("Sunday, 06-Dec-26 2:1:0 GMT") == nil)
    }
}
