import FoundationEssentials
import Glibc

/// OSC 52: asks the terminal to put text on the clipboard. Works over SSH because the terminal
/// itself does it; inside tmux or GNU screen the sequence is wrapped so it reaches the outer
/// terminal. Never shells out to xclip or pbcopy.
public enum Clipboard {
    public static func sequence(for text: String, environment: [String: String]) -> String {
        let payload = Data(text.utf8).base64EncodedString()
        let osc = "\u{1B}]52;c;\(payload)\u{07}"
        if environment["TMUX"].map({ !$0.isEmpty }) == true {
            // tmux passthrough: DCS tmux; with every ESC doubled, ended by ST.
            return "\u{1B}Ptmux;" + osc.replacing("\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
        }
        if environment["STY"].map({ !$0.isEmpty }) == true || (environment["TERM"] ?? "").hasPrefix("screen") {
            return "\u{1B}P" + osc + "\u{1B}\\"
        }
        return osc
    }
}
