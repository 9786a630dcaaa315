import JetEmailClient

/// One delivery the sandbox's log holds. The payload is not stored: it is made again from `n`
/// when asked for, so 200,000 deliveries take tens of megabytes, not gigabytes.
struct SandboxDelivery: Sendable {
    var id: String
    var webhookUUID: String
    var webhookURL: String
    var eventType: String
    var sourceUID: String
    var n: Int
    var createdAt: Int
    var status: DeliveryStatus
    var attempts: Int
    var lastCode: Int?
    /// A replay pending until then (unix seconds) is then delivered (`replaysSettleAfter`).
    var settlesAt: Int?

    var delivery: Delivery {
        let sample = SampleEvent(type: eventType, n: n, createdAt: createdAt, id: id)
        return Delivery(id: id, uuid: webhookUUID, service: sample.service, eventType: EventName(eventType), sourceUID: sourceUID,
                        sourceAction: sample.sourceAction, payload: sample.payload, webhookURL: webhookURL, createdAt: createdAt,
                        latestStatus: status.rawValue, totalAttempts: attempts, lastResponseCode: lastCode)
    }
}

/// `--seed-deliveries N`: N deliveries spread over the webhooks across the last seven days,
/// newest first; mostly successes, some failed, retrying and pending, with matching attempts
/// and response codes. The same N and webhooks give the same log (ids included).
enum SandboxDeliverySeed {
    static let spanSeconds = 7 * 86_400

    static func deliveries(_ count: Int, webhooks: [Webhook], now: Int) -> [SandboxDelivery] {
        guard count > 0, !webhooks.isEmpty else { return [] }
        var out: [SandboxDelivery] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let webhook = webhooks[i % webhooks.count]
            let events = webhook.events.isEmpty ? [EventName(.outboundDelivered)] : webhook.events
            let type = events[(i / webhooks.count) % events.count].rawValue
            let roll = (i &* 2_654_435_761) % 100
            let status: DeliveryStatus, attempts: Int, code: Int?
            switch roll {
            case 0..<8: (status, attempts, code) = (.failed, 6, [500, 502, 404, 410, 0][i % 5])
            case 8..<15: (status, attempts, code) = (.retry, 2 + i % 4, [503, 429, 500, 0][i % 4])
            case 15..<20: (status, attempts, code) = (.pending, 0, nil)
            default: (status, attempts, code) = (.success, roll % 10 == 0 ? 2 : 1, roll % 3 == 0 ? 204 : 200)
            }
            out.append(SandboxDelivery(id: SampleEvent.eventID(i), webhookUUID: webhook.uuid, webhookURL: webhook.url, eventType: type,
                                       sourceUID: SampleEvent.sourceUID(i), n: i, createdAt: now - 60 - i * spanSeconds / count,
                                       status: status, attempts: attempts, lastCode: code == 0 ? nil : code))
        }
        return out
    }
}

/// `--outage N`: the receivers of one or more webhooks (`--outage-webhooks K`: the second
/// seeded, Billing, then the third, …) were down from three hours ago to one hour ago: N
/// deliveries of each in that time failed after their six attempts, with the codes a dead
/// receiver gives (502, 503, 504, none), and so did every seeded delivery of theirs in it. Ids
/// follow the seeded log's, so they are unique. Merged into the log newest first.
enum SandboxOutageSeed {
    static let from = 3 * 3_600, to = 3_600

    /// The webhooks that are down: the second seeded and those after it (the only one when
    /// there is one).
    static func down(_ webhooks: [Webhook], count: Int) -> [Webhook] {
        guard let first = webhooks.first else { return [] }
        guard webhooks.count > 1 else { return [first] }
        return Array(webhooks.dropFirst().prefix(max(1, count)))
    }

    static func deliveries(_ count: Int, webhooks: [Webhook], downCount: Int = 1, after firstN: Int, now: Int) -> [SandboxDelivery] {
        guard count > 0 else { return [] }
        return down(webhooks, count: downCount).enumerated().flatMap { w, webhook in
            let events = webhook.events.isEmpty ? [EventName(.outboundDelivered)] : webhook.events
            return (0..<count).map { k in
                let n = firstN + w * count + k
                let code = [502, 503, 0, 504][k % 4]
                return SandboxDelivery(id: SampleEvent.eventID(n), webhookUUID: webhook.uuid, webhookURL: webhook.url,
                                       eventType: events[k % events.count].rawValue, sourceUID: SampleEvent.sourceUID(n), n: n,
                                       createdAt: now - to - k * (from - to) / count - w * 7, status: .failed, attempts: 6,
                                       lastCode: code == 0 ? nil : code)
            }
        }
    }

    /// The seeded log and the outage, newest first; the seeded deliveries of a down webhook in
    /// the outage's hours failed too (its receiver answered nobody).
    static func merged(_ log: [SandboxDelivery], _ outage: [SandboxDelivery], now: Int) -> [SandboxDelivery] {
        guard !outage.isEmpty else { return log }
        let downUUIDs = Set(outage.map(\.webhookUUID))
        let window = (now - from)...(now - to)
        let failedLog = log.map { delivery in
            guard downUUIDs.contains(delivery.webhookUUID), window.contains(delivery.createdAt) else { return delivery }
            var failed = delivery
            (failed.status, failed.attempts, failed.lastCode) = (.failed, 6, 502)
            return failed
        }
        return (failedLog + outage).sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.n < $1.n }
    }
}

struct QueryBody: Encodable { var events: [Delivery]; var total: Int; var limit: Int; var offset: Int }
struct ReplayBody: Encodable { var success = true; var event_id: String; var status = "enqueued"; var message: String }
struct KeyEntry: Encodable { var uuid: String; var name: String; var api_token: String; var status = "active" }
struct KeysBody: Encodable { var success = true; var transactionalKeys: [KeyEntry] }
struct SmarthostEntry: Encodable { var username: String; var status = "active" }
struct SmarthostsBody: Encodable { var success = true; var smarthosts: [SmarthostEntry] }
struct DomainEntry: Encodable { var uuid: String; var domain: String; var status = "verified" }
struct DomainsBody: Encodable { var success = true; var domains: [DomainEntry] }

/// The delivery log's routes: query with every filter, paging and the total; replay.
enum SandboxLogAPI {
    /// The filters of a query, without paging: the key of the cached matches.
    struct Filters: Hashable {
        var uuid, eventID, sourceUID, eventType, status: String?
        var dateFrom, dateTo: Int?
    }

    static func query(_ body: [String: JSONValue], pageCap: Int? = nil, store: inout SandboxStore) -> SandboxReply {
        func text(_ key: String) -> Result<String?, SandboxReply> {
            guard let value = body[key], !value.isNull else { return .success(nil) }
            guard let s = value.string else { return .failure(.error(400, "\(key) must be a string")) }
            return .success(s)
        }
        func number(_ key: String) -> Result<Int?, SandboxReply> {
            guard let value = body[key], !value.isNull else { return .success(nil) }
            guard let n = value.integer else { return .failure(.error(400, "\(key) must be an integer")) }
            return .success(n)
        }
        var filters = Filters()
        let limit: Int, offset: Int
        do {
            filters.uuid = try text("uuid").get()
            filters.eventID = try text("event_id").get()
            filters.sourceUID = try text("source_uid").get()
            filters.eventType = try text("event_type").get()
            filters.status = try text("status").get()
            filters.dateFrom = try number("date_from").get()
            filters.dateTo = try number("date_to").get()
            limit = try number("limit").get() ?? 50
            offset = try number("offset").get() ?? 0
        } catch { return error }
        guard (1...1000).contains(limit) else { return .error(400, "limit must be between 1 and 1000") }
        guard offset >= 0 else { return .error(400, "offset must be 0 or more") }
        if let status = filters.status, DeliveryStatus(rawValue: status) == nil {
            return .error(400, "status must be one of success, failed, retry, pending")
        }
        if let type = filters.eventType, !DeliveryQuery.eventTypes.contains(type) { return .error(400, "Invalid event_type: \(type)") }
        let matches = store.matches(filters)
        let page = matches.dropFirst(offset).prefix(min(limit, pageCap ?? limit)).map { store.deliveries[$0].delivery }
        return .json(200, QueryBody(events: Array(page), total: matches.count, limit: limit, offset: offset))
    }

    /// Replays whose time has come are delivered: success (200), but every twentieth fails again
    /// (503), as a receiver just back may still drop some.
    static func settle(store: inout SandboxStore, now: Int) {
        guard !store.settling.isEmpty else { return }
        var still: [Int] = []
        for i in store.settling where store.deliveries.indices.contains(i) {
            guard let at = store.deliveries[i].settlesAt, store.deliveries[i].status == .pending else { continue }
            if at > now { still.append(i); continue }
            store.settled += 1
            let again = store.settled % 20 == 0
            store.deliveries[i].status = again ? .failed : .success
            store.deliveries[i].lastCode = again ? 503 : 200
            store.deliveries[i].settlesAt = nil
            store.matchCache = nil
        }
        store.settling = still
    }

    static func replay(_ body: [String: JSONValue], store: inout SandboxStore, settleAfter: Int? = nil, now: Int = 0) -> SandboxReply {
        let eventID = body["event_id"]?.string, sourceUID = body["source_uid"]?.string, uuid = body["uuid"]?.string
        guard eventID != nil || sourceUID != nil else { return .error(400, "event_id or source_uid is required") }
        let chosen = store.deliveries.indices.filter { i in
            let d = store.deliveries[i]
            return (eventID.map { d.id == $0 } ?? true) && (sourceUID.map { d.sourceUID == $0 } ?? true)
                && (uuid.map { d.webhookUUID == $0 } ?? true)
        }
        guard !chosen.isEmpty else { return .error(404, "Event not found") }
        for i in chosen {
            store.deliveries[i].attempts += 1
            store.deliveries[i].status = .pending
            if let settleAfter {
                store.deliveries[i].settlesAt = now + settleAfter
                store.settling.append(i)
            }
        }
        store.matchCache = nil
        store.replays.append(ReceivedReplay(eventID: eventID, sourceUID: sourceUID, uuid: uuid))
        let id = eventID ?? store.deliveries[chosen[0]].id
        return .json(200, ReplayBody(event_id: id, message: "Event enqueued for replay to \(chosen.count) webhook\(chosen.count == 1 ? "" : "s")"))
    }

    static func transactionalKeys(_ config: SandboxConfiguration) -> SandboxReply {
        let keys = config.ownedUsers.filter { !$0.hasPrefix("smarthost") }.map {
            KeyEntry(uuid: SampleEvent.eventID($0.count), name: $0, api_token: "transactional_" + RandomToken.hex(bytes: 16))
        }
        return .json(200, KeysBody(transactionalKeys: keys))
    }

    static func smarthosts(_ config: SandboxConfiguration) -> SandboxReply {
        .json(200, SmarthostsBody(smarthosts: config.ownedUsers.filter { $0.hasPrefix("smarthost") }.map { SmarthostEntry(username: $0) }))
    }

    static func domains(_ config: SandboxConfiguration) -> SandboxReply {
        .json(200, DomainsBody(domains: config.ownedDomains.map { DomainEntry(uuid: RandomToken.uuid(), domain: $0) }))
    }
}

/// A replay the sandbox was asked for, for tests.
public struct ReceivedReplay: Sendable, Equatable {
    public var eventID: String?
    public var sourceUID: String?
    public var uuid: String?
}

extension SandboxStore {
    /// Indices of the deliveries a query's filters select, newest first; the last answer is
    /// kept, since paging asks the same filters again and again.
    mutating func matches(_ f: SandboxLogAPI.Filters) -> [Int] {
        if let cache = matchCache, cache.filters == f { return cache.indices }
        let status = f.status.flatMap(DeliveryStatus.init(rawValue:))
        let found = deliveries.indices.filter { i in
            let d = deliveries[i]
            if let uuid = f.uuid, d.webhookUUID != uuid { return false }
            if let id = f.eventID, d.id != id { return false }
            if let uid = f.sourceUID, d.sourceUID != uid { return false }
            if let type = f.eventType, d.eventType != type { return false }
            if let status, d.status != status { return false }
            if let from = f.dateFrom, d.createdAt < from { return false }
            if let to = f.dateTo, d.createdAt > to { return false }
            return true
        }
        matchCache = (f, found)
        return found
    }
}
extension SandboxReply: Error {}
