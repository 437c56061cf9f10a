/// `|computed − expected| ≤ tolerance · |expected|`.
func isClose(_ computed: Double, _ expected: Double, relative tolerance: Double = 1e-12) -> Bool {
    abs(computed - expected) <= tolerance * abs(expected)
}
