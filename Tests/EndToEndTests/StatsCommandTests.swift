import Foundation
import JetEmailSandbox
import Testing
import TestSupport

/// `stats` as a process against the sandbox with an outage of Billing: every webhook's figures
/// equal the sandbox's own log, the failing one comes first, and a webhook named alone.
@Suite struct StatsCommandTests {
    let recover = RecoverCommandTests()

    @Test func everyWebhookIsCountedByStatusAndTheFailingOneComesFirst() async throws {
        try await recover.withOutage(40) { s in
            let r = try await BuiltProgram.run(["stats", "--since", "1d"] + s.key, environment: s.environment)
            #expect(r.status == 0, "\(r.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let rows = try #require(report["webhooks"] as? [[String: Any]])
            #expect(rows.count == s.backend.server.webhooks.count)
            let since = try #require(report["since"] as? Int)
            for row in rows {
                let uuid = try #require(row["uuid"] as? String)
                let theirs = s.backend.server.deliveries.filter { $0.uuid == uuid && ($0.createdAt ?? 0) >= since }
                #expect(row["total"] as? Int == theirs.count)
                for status in ["success", "failed", "retry", "pending"] {
                    #expect(row[status] as? Int == theirs.filter { $0.status?.rawValue == status }.count, "\(status) of \(uuid)")
                }
            }
            #expect(rows.first?["uuid"] as? String == s.billing, "most failures first")
            #expect((rows.first?["failed"] as? Int ?? 0) >= 40)
        }
    }

    /// Issue 29: `--timeline` gives the buckets details chart, each equal to the sandbox's own log,
    /// from a page a series when the log is short, and a count a bucket where a page cannot reach.
    @Test(arguments: [40, 1_500]) func theTimelineBucketsEqualTheLog(outage: Int) async throws {
        try await recover.withOutage(outage) { s in
            let r = try await BuiltProgram.run(["stats", "--webhook", s.billing, "--timeline", "--since", "1d"] + s.key, environment: s.environment)
            #expect(r.status == 0, "\(r.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let buckets = try #require(report["timeline"] as? [[String: Any]])
            #expect(buckets.count == 24 && report["bucket_seconds"] as? Int == 3_600)
            let log = s.backend.server.deliveries.filter { $0.uuid == s.billing }
            for bucket in buckets {
                let from = try #require(bucket["from"] as? Int), until = try #require(bucket["until"] as? Int)
                let inside = log.filter { ($0.createdAt ?? 0) >= from && ($0.createdAt ?? 0) < until }
                #expect(bucket["total"] as? Int == inside.count && bucket["failed"] as? Int == inside.filter { $0.status == .failed }.count, "\(bucket)")
            }
            let queries = s.backend.server.received.filter { $0.path == "/webhooks/query" }.count
            // The list, then 2 pages; a log longer than a page adds a count for each bucket it did not reach.
            #expect(outage > 1_000 ? queries > 3 && queries <= 3 + 2 * 24 : queries == 2, "\(queries) queries")
        }
    }

    @Test func oneWebhookAloneByUUIDAndABadTimeIsAUsageError() async throws {
        try await recover.withOutage(5) { s in
            let r = try await BuiltProgram.run(["stats", "--webhook", s.billing] + s.key, environment: s.environment)
            let rows = ((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any])?["webhooks"] as? [[String: Any]]
            #expect(r.status == 0 && rows?.count == 1 && rows?.first?["name"] as? String == "Billing", "\(r.stdout) \(r.stderr)")
            let bad = try await BuiltProgram.run(["stats", "--since", "soon"] + s.key, environment: s.environment)
            #expect(bad.status == 2 && bad.stdout.isEmpty)
        }
    }
}

extension HostileVerbTests {
    /// `stats` against a server whose counts misbehave: a 500 for failed ones, a total below
    /// zero for pending ones (no count: `?`, as issue 27 has it), an escape sequence in a name:
    /// the figures it could read, none for the rest, exit 1, nothing raw on the terminal.
    @Test func statsWithCountsAServerCannotGiveSaysSoAndExitsOne() async throws {
        let s = try server { line in
            if line.hasPrefix("GET /webhooks") {
                return MisbehavingServer.answer(200, #"{"success":true,"result":[\#(Self.webhook("u-1", name: "Ord\\u001b[31mers", status: "1"))]}"#)
            }
            return MisbehavingServer.answer(200, #"{"events":[],"total":3,"limit":1,"offset":0}"#)
        }
        let good = try await run(["stats"], s)
        #expect(good.status == 0, "\(good.stderr)")
        let picky = try MisbehavingServer { request in
            if request.hasPrefix("GET /webhooks") {
                return [.sendText(MisbehavingServer.answer(200, #"{"success":true,"result":[\#(Self.webhook("u-1", status: "1"))]}"#))]
            }
            if request.contains(#""status":"failed""#) { return [.sendText(MisbehavingServer.answer(500, #"{"success":false,"error":"boom"}"#))] }
            if request.contains(#""status":"pending""#) { return [.sendText(MisbehavingServer.answer(200, #"{"events":[],"total":-4,"limit":1,"offset":0}"#))] }
            return [.sendText(MisbehavingServer.answer(200, #"{"events":[],"total":3,"limit":1,"offset":0}"#))]
        }
        let bad = try await run(["stats"], picky)
        #expect(bad.status == 1, "\(bad.status) \(bad.stderr)")
        let row = ((try? JSONSerialization.jsonObject(with: Data(bad.stdout.utf8))) as? [String: Any])?["webhooks"] as? [[String: Any]]
        #expect(row?.first?["total"] as? Int == 3 && row?.first?["failed"] == nil && row?.first?["pending"] == nil, "\(bad.stdout)")
        #expect(bad.stderr.contains("could not be fetched") && !bad.stderr.contains("\u{1b}"))
    }
}
