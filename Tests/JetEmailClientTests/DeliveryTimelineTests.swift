import Testing
@testable import JetEmailClient

/// The failures chart's counts: a page bucketed where it reaches, counts asked for the rest, a
/// page out of order or with rows not asked for used for nothing.
@Suite struct DeliveryTimelineTests {
    let now = 1_800_000_000
    func delivery(_ at: Int, status: String = "failed", uuid: String = "u") -> Delivery {
        Delivery(id: "evt_\(at)", uuid: uuid, service: "outbound", eventType: EventName("outbound.delivered"), sourceUID: "", sourceAction: "",
                 payload: nil, webhookURL: "", createdAt: at, latestStatus: status, totalAttempts: 1, lastResponseCode: 500)
    }
    func page(_ times: [Int], total: Int?, status: String = "failed") -> DeliveryPage {
        DeliveryPage(events: times.map { delivery($0, status: status) }, total: total ?? times.count, limit: 1000, offset: 0, reportedTotal: total)
    }

    @Test func bucketsEndAtNowAndCoverTheSpan() {
        let day = DeliveryTimeline(uuid: "u", span: .day, now: now)
        #expect(day.buckets.count == 24 && day.until == now && day.from == now - 86_400)
        #expect(zip(day.buckets, day.buckets.dropFirst()).allSatisfy { $0.until == $1.from })
        #expect(DeliveryTimeline(uuid: "u", span: .week, now: now).buckets.count == 28)
        let long = DeliveryTimeline(uuid: "u", from: now - 400 * 86_400, until: now, bucketSeconds: DeliveryTimeline.bucketSeconds(for: 400 * 86_400))
        #expect(long.buckets.count <= DeliveryTimeline.mostBuckets)
    }

    @Test func aWholePageFillsEveryBucket() {
        var t = DeliveryTimeline(uuid: "u", span: .day, now: now)
        let times = [now - 10, now - 20, now - 3_700, now - 80_000]
        t.fill(.failed, page: page(times, total: 4))
        #expect(t.missing(.failed).isEmpty)
        #expect(t.buckets[23].failed == 2 && t.buckets[22].failed == 1 && t.buckets.compactMap(\.failed).reduce(0, +) == 4)
    }

    @Test func aPartPageFillsOnlyWhatItReachesAndTheRestIsCounted() {
        var t = DeliveryTimeline(uuid: "u", span: .day, now: now)
        // 1,000 shown of 5,000: rows down to 2.5 hours ago.
        t.fill(.all, page: page([now - 10, now - 4_000, now - 9_000], total: 5_000, status: "success"))
        #expect(t.missing(.all) == Array(0...21), "the buckets older than the oldest row shown, and its own, are counted")
        #expect(t.buckets[23].total == 1 && t.buckets[22].total == 1)
        let q = t.countQuery(.all, bucket: 3)
        #expect(q.limit == 1 && q.dateFrom == t.buckets[3].from && q.dateTo == t.buckets[3].until - 1 && q.status == nil)
        t.fill(.all, bucket: 3, page: DeliveryPage(events: [], total: 42, limit: 1, offset: 0, reportedTotal: 42))
        #expect(t.buckets[3].total == 42)
    }

    @Test func aPageOutOfOrderOrWithOtherRowsIsUsedForNothing() {
        var shuffled = DeliveryTimeline(uuid: "u", span: .day, now: now)
        shuffled.fill(.failed, page: page([now - 4_000, now - 10], total: 2))
        #expect(shuffled.missing(.failed).count == 24, "not newest first: nothing trusted")
        var foreign = DeliveryTimeline(uuid: "u", span: .day, now: now)
        foreign.fill(.failed, page: DeliveryPage(events: [delivery(now - 10, uuid: "other")], total: 1, limit: 1000, offset: 0, reportedTotal: 1))
        #expect(foreign.missing(.failed).count == 24, "another webhook's row")
        var uncounted = DeliveryTimeline(uuid: "u", span: .day, now: now)
        uncounted.fill(.failed, bucket: 0, page: DeliveryPage(events: [], total: 0, limit: 1, offset: 0, reportedTotal: nil))
        #expect(uncounted.buckets[0].failed == nil, "no count is no figure")
    }
}
