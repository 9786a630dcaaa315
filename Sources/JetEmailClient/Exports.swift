// The client's users print what servers send: the rule that makes it safe comes with the client.
@_exported import SafeText
