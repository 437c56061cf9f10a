/// Colours of the charts: the Okabe–Ito palette, distinguishable with the common forms of colour
/// blindness (M. Okabe and K. Ito, "Color Universal Design", 2002), plus greys for axes and grids.
public enum Palette {
    public static let blue = "#0072b2"
    public static let orange = "#e69f00"
    public static let vermillion = "#d55e00"
    public static let bluishGreen = "#009e73"
    public static let skyBlue = "#56b4e9"
    public static let reddishPurple = "#cc79a7"
    public static let yellow = "#f0e442"
    public static let black = "#000000"
    /// Text and axis lines.
    public static let ink = "#222222"
    /// Secondary text (subtitles, footnotes, tick labels).
    public static let mutedInk = "#555555"
    /// Grid lines.
    public static let grid = "#e3e3e3"
    /// Reference lines and neutral marks.
    public static let neutral = "#888888"

    /// The palette's colours in the order series take them.
    public static let series = [blue, orange, bluishGreen, vermillion, skyBlue, reddishPurple, black]
}
