/// Estimated widths of text in the charts' sans-serif font, for laying out margins, legends and
/// wrapped titles without a font engine. The advance widths are averages of DejaVu Sans (the
/// font most SVG renderers on Linux fall back to; Helvetica and Arial are narrower), in ems:
/// 0.32 for narrow glyphs (`i l . , : ; ' | ! ( ) [ ]` and space), 0.78 for wide ones (`m w M W @ % £ —`),
/// 0.70 for other capitals, 0.62 for everything else. Estimates err on the wide side.
public enum TextMetrics {
    /// The estimated width of `text` at `size` pixels.
    public static func width(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for character in text {
            ems += advance(character)
        }
        return ems * size
    }

    static func advance(_ character: Character) -> Double {
        switch character {
        case "i", "l", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]", " ", "j", "I", "f", "t": return 0.32
        case "m", "w", "M", "W", "@", "%", "£", "—", "\u{2212}": return 0.78
        default:
            if character.isUppercase { return 0.70 }
            return 0.62
        }
    }

    /// `text` broken into lines no wider than `maximumWidth` at spaces (a word longer than the
    /// width gets a line of its own).
    public static func wrap(_ text: String, size: Double, maximumWidth: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || width(candidate, size: size) <= maximumWidth {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
