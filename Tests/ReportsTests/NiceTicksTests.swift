import Testing
@testable import Reports

// Hand calculations: step = nice(raw range / (n − 1), nearest of 1, 2, 5 × 10^k with Heckbert's
// cut-offs 1.5, 3, 7), axis ⌊min/step⌋·step … ⌈max/step⌉·step.

@Test func unitInterval() {
    // step nice(1/5 = 0.2) = 0.2; 0 … 1.
    let ticks = NiceTicks(minimum: 0, maximum: 1, count: 6)
    #expect(ticks.step == 0.2)
    #expect(ticks.values.count == 6)
    #expect(ticks.lower == 0 && ticks.upper == 1)
    #expect(ticks.decimals == 1)
}

@Test func negativeToPositive() {
    // step nice(16.1/4 = 4.025) = 5 (4.025 ≥ 3 and < 7); ⌊−3.7/5⌋·5 = −5, ⌈12.4/5⌉·5 = 15.
    let ticks = NiceTicks(minimum: -3.7, maximum: 12.4, count: 5)
    #expect(ticks.values == [-5, 0, 5, 10, 15])
    #expect(ticks.decimals == 0)
}

@Test func smallValues() {
    // step nice(0.0075/5 = 0.0015) = 0.002 (1.5 is not below 1.5, so 2); 0 … 0.01 in 6 ticks.
    let ticks = NiceTicks(minimum: 0.0012, maximum: 0.0087, count: 6)
    #expect(ticks.step == 0.002)
    #expect(ticks.values.count == 6)
    #expect(abs(ticks.values.last! - 0.01) < 1e-15)
    #expect(ticks.decimals == 3)
}

@Test func emptyRangeIsWidened() {
    // 5 … 5 widened by 10% of 5 to 4.5 … 5.5; step nice(1/5 = 0.2) = 0.2, axis 4.4 … 5.6.
    let ticks = NiceTicks(minimum: 5, maximum: 5, count: 6)
    #expect(ticks.step == 0.2)
    #expect(abs(ticks.lower - 4.4) < 1e-12 && abs(ticks.upper - 5.6) < 1e-12)
}

@Test func zeroRangeAtZero() {
    // 0 … 0 widened by 1 each side: step nice(2/4 = 0.5) = 0.5, axis −1 … 1.
    let ticks = NiceTicks(minimum: 0, maximum: 0, count: 5)
    #expect(ticks.values == [-1, -0.5, 0, 0.5, 1])
}

@Test func nonFiniteBoundsFallBackToTheUnitInterval() {
    let ticks = NiceTicks(minimum: .nan, maximum: 3, count: 6)
    #expect(ticks.lower == 0 && ticks.upper == 1)
}

@Test func largeMoney() {
    // 118 … 402 (pounds per head): step nice(284/5 = 56.8) = 50; axis 100 … 450.
    let ticks = NiceTicks(minimum: 118, maximum: 402, count: 6)
    #expect(ticks.values == [100, 150, 200, 250, 300, 350, 400, 450])
}

@Test func tightAxisWhereHeckbertsWouldDoubleTheSpacing() {
    // 0.71 … 1.24: step nice(0.53/5 = 0.106) = 0.1; axis 0.7 … 1.3.
    let ticks = NiceTicks(minimum: 0.71, maximum: 1.24, count: 6)
    #expect(ticks.step == 0.1)
    #expect(abs(ticks.lower - 0.7) < 1e-12 && abs(ticks.upper - 1.3) < 1e-12)
}

@Test func numberFormats() {
    #expect(NumberFormat.pounds(decimals: 2).text(1_234_567.891) == "£1,234,567.89")
    // −0.125 × 100 = −12.5 exactly, one decimal: "−12.5%" with a true minus sign.
    #expect(NumberFormat.percentOfFraction(decimals: 1).text(-0.125) == "\u{2212}12.5%")
    // Rounds to zero: no minus sign.
    #expect(NumberFormat(decimals: 2).text(-0.004) == "0.00")
    #expect(NumberFormat(decimals: 0).text(999.5) == "1,000")
    #expect(NumberFormat(decimals: 0, groupsThousands: false).text(12345) == "12345")
    #expect(NumberFormat().text(.nan) == "")
}
