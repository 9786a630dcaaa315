/// `rotate --abort`: undoes what can be undone safely (the twin deleted, the old webhook enabled
/// again), each journalled, so that an abort killed half way is taken up again. Once the old
/// webhook's delete was sent nothing is undone: the twin is then the only one delivering.
extension RotationRun {
    public func abort() async -> (RotationState, Result<String, Stop>) {
        var state: RotationState
        do { state = try journal.readBack() } catch { return (placeholderState, .failure(.journal(error.description))) }
        guard state.canAbort else {
            let why = state.isOver ? "This rotation is over (\(state.finished ? "finished" : "aborted")): there is nothing to undo."
                : "The old webhook's delete was sent: the twin is the only one left, so nothing is undone. Resume to finish."
            return (state, .failure(.failed(why)))
        }
        var said: [String] = []
        do {
            if state.twinUUID == nil, state.creating {
                // The create's answer was lost: the twin it may have made goes too.
                let list: [Webhook]
                do { list = try await client.listWebhooks() } catch { throw Stop.failed("Looking for the twin failed: \(error.message(doing: .read))") }
                let found = list.filter { $0.name == state.twinName && $0.url == state.old.url && $0.uuid != state.old.uuid }
                if found.count > 1 { throw Stop.lookalikes(found.map(\.uuid)) }
                if let twin = found.first { try journal.mark(.created, uuid: twin.uuid, detail: "found by name and URL", now: clock()) }
                else { try journal.mark(.createFoundNone, now: clock()) }
                state = try journal.readBack()
            }
            if let twin = state.twinUUID {
                try await delete(twin, doing: "deleting the twin")
                try journal.mark(.twinDeleted, uuid: twin, now: clock())
                said.append("Deleted the twin \"\(state.twinName)\" (\(twin)).")
            }
            if state.oldDisabled {
                try await patch(WebhookPatch(uuid: state.old.uuid, status: .enabled), doing: "enabling the old webhook again")
                try journal.mark(.oldEnabled, now: clock())
                said.append("\"\(state.old.name)\" is enabled again.")
            }
            try journal.mark(.aborted, now: clock())
        } catch let stop as Stop {
            return ((try? journal.readBack()) ?? state, .failure(stop))
        } catch {
            return ((try? journal.readBack()) ?? state, .failure(.journal("\(error)")))
        }
        if state.secretSaved { said.append("The twin's secret file \(state.secretFile) is of no use now; remove it when you like.") }
        if said.isEmpty { said.append("Nothing had been made: nothing to undo.") }
        return ((try? journal.readBack()) ?? state, .success(said.joined(separator: " ")))
    }
}
