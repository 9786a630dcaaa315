import JetEmailClient

/// The one path every request takes, whoever asks: the request gets its id and its asker is
/// recorded, its progress shows in the asker's status line until it ends, and its answer is
/// routed back here. A 429's hold is the client's request path's (shared by every process of the
/// program): a request a person asked for fails at once while held, background work waits.
extension AppState {
    mutating func send(_ request: Request, from owner: ScreenID) {
        let id = RequestID(nextRequestID)
        nextRequestID += 1
        requests[id] = InFlight(owner: owner, request: request)
        if let progress = request.progress { setStatus(StatusMessage(.info, progress), of: owner, request: id) }
        outbox.append(.run(id, request.job, priority: request.priority))
    }

    /// Stops waiting for the asker's requests with this tag. A create stays known, so that one
    /// that went through anyway still shows its secret.
    mutating func cancel(_ tag: RequestTag, of owner: ScreenID) {
        for (id, flight) in requests where flight.owner == owner && flight.request.tag == tag && !flight.cancelled {
            if flight.request.isCreate { requests[id]?.cancelled = true } else { requests[id] = nil }
            outbox.append(.cancel(id))
            clearProgress(id, of: owner)
        }
    }

    /// A screen left: the reads it was waiting for are let go; changes stay, so that their
    /// outcome is still told (on the screen the person is on).
    mutating func dropReads(of owner: ScreenID) {
        for (id, flight) in requests where flight.owner == owner && flight.request.change == nil && !flight.request.isCreate {
            requests[id] = nil
            outbox.append(.cancel(id))
        }
    }

    mutating func answered(_ id: RequestID, _ answer: Answer) {
        guard let flight = requests.removeValue(forKey: id), !flight.cancelled else {
            // Nobody waits for it (cancelled, or answered already); a create that went through
            // must still give its secret.
            // Cancelled, but a create that went through must still give its secret.
            if case .api(.created(.success(let webhook), let saved)) = answer { FormScreen.unclaimed(webhook, saved: saved, app: &self) }
            return
        }
        clearProgress(id, of: flight.owner)
        deliver(answer, tag: flight.request.tag, to: flight.owner, request: flight.request)
        if terminating, flight.request.isCreate { Quit.afterLastAnswer(&self) }
    }

    /// To the asker if it is still there; else, as one line, to the screen the person is on.
    mutating func deliver(_ answer: Answer, tag: RequestTag, to owner: ScreenID, request: Request) {
        if screens.contains(where: { $0.id == owner }) {
            withScreen(owner) { screen, context in screen.answered(answer, tag: tag, context) }
        } else if modals.contains(where: { $0.id == owner }) {
            withModal(owner) { modal, context in modal.answered(answer, tag: tag, context) }
        } else if case .api(.created(.success(let webhook), let saved)) = answer {
            FormScreen.unclaimed(webhook, saved: saved, app: &self)
        } else if let subject = request.subject {
            let (tone, text) = answer.summary(of: request)
            setStatus(StatusMessage(tone, "\(subject): \(text)"), of: topScreen.id)
        }
    }

    /// The hold is over: the screens ask again for what it held back; after 429 after 429
    /// nothing is asked by itself: the person decides when.
    mutating func holdEnded(_ limit: RateLimit) {
        rateLimit = nil
        if limit.gaveUp {
            setStatus(StatusMessage(.warning, "JetEmail kept answering 429; nothing was asked again by itself. r tries again."), of: topScreen.id)
        } else {
            setStatus(StatusMessage(.info, "The rate limit has passed; requests can be made again."), of: topScreen.id)
            forEachScreen { screen, context in screen.resumed(context) }
        }
    }

    mutating func setStatus(_ status: StatusMessage?, of id: ScreenID, request: RequestID? = nil) {
        guard let index = screens.firstIndex(where: { $0.id == id }) else { return }
        screens[index].status = status
        screens[index].statusRequest = request
        screens[index].statusSetAt = status == nil ? nil : now
    }

    /// A request ended or was cancelled: its progress line goes with it.
    private mutating func clearProgress(_ id: RequestID, of owner: ScreenID) {
        guard let index = screens.firstIndex(where: { $0.id == owner }), screens[index].statusRequest == id else { return }
        screens[index].status = nil
        screens[index].statusRequest = nil
    }
}

extension Answer {
    /// The result in a few words, for a screen that is gone: what it did, or why not.
    func summary(of request: Request) -> (StatusMessage.Tone, String) {
        let operation: JetEmailError.Operation
        switch request.job {
        case .api(.update): operation = .change
        case .api(.delete): operation = .delete
        case .api(.replay): operation = .replay
        case .api(.create): operation = .create
        default: operation = .read
        }
        func failed(_ error: JetEmailError) -> (StatusMessage.Tone, String) { (.error, error.message(doing: operation)) }
        switch self {
        case .api(.replayed(.success(let receipt))): return (.success, TerminalSafe.escaped(receipt.status))
        case .api(.webhook(.success(let webhook))): return (.success, "done; \(TerminalSafe.escaped(webhook.name)) is \(webhook.status?.word ?? "changed")")
        case .api(.deleted(_, .success)): return (.success, "deleted")
        case .api(.replayed(.failure(let e))), .api(.webhook(.failure(let e))), .api(.deleted(_, .failure(let e))),
             .api(.list(.failure(let e))), .api(.deliveries(.failure(let e))), .api(.created(.failure(let e), _)):
            return failed(e)
        case .receiverTest(.success(let report)): return (report.verdict == .delivered ? .success : .warning, report.summary)
        case .receiverTest(.failure(let failure)): return (.error, "nothing was sent: \(failure.message)")
        case .secretWritten(.success(let path)): return (.success, "written to \(path)")
        case .secretWritten(.failure(let failure)): return (.error, failure.description)
        default: return (.info, "done")
        }
    }
}
