import Testing
import Premium

// The explanation of P5 in the worked example (WorkedExampleTests): its lines restate the hand
// calculation in pounds.
@Test func explanationRestatesTheWorkedExampleForOnePractice() throws {
    let result = try PremiumCalculator.distribute(scheme: WorkedExample.scheme(), inputs: WorkedExample.inputs)
    let lines = try #require(PremiumExplanation.lines(for: "P5", in: result))
    let expected = [
        "  pot = £12,000.00",
        "Measure bp_control: weight 50 of 100: £12,000.00 × 50/100 = £6,000.00",
        "  achievement = 180 / 200 = 90.00%",
        "  earned = £6,000.00 × 1 × 0.208333 = £1,250.00",
        "  prevalence factor = (0.08 / 0.1)^1 = 0.8",
        "  population index = 2,500 / mean list 2,000 = 1.25; basis = 0.8 × 1.25 = 1",
        "  earned = £3,600.00 × 0.75 × 0.166667 = £450.00",
        "  earned = £2,400.00 × 0.5 × 0.25 = £300.00",
        "Earned on all measures: £1,250.00 + £450.00 + £300.00 = £2,000.00",
        "  scaled earnings: £2,000.00 × 2.25 = £4,500.00",
        "  cap £3,000.00: binds",
        "  bp_control: earned £1,250.00 − cut £0.00 + received £500.00 = £1,750.00",
        "  total £3,000.00",
    ]
    for line in expected {
        #expect(lines.contains(line), "missing: \(line)")
    }
    // P6 is not eligible for screening (denominator 40 below 50).
    let p6 = try #require(PremiumExplanation.lines(for: "P6", in: result))
    #expect(p6.contains("  not eligible: denominator after exceptions 40, below the minimum of 50; earned £0.00"))
    // P1's score is clamped: (95 − 40)/50 = 1.1 → 1.
    let p1 = try #require(PremiumExplanation.lines(for: "P1", in: result))
    #expect(p1.contains("  score (higher is better, thresholds 40 to 90) = (95.00 − 40) / (90 − 40) = 1.1 → 1 (scores are held between 0 and 1)"))
    #expect(p1.contains("  achievement = 95 / (105 − 5 exceptions) = 95.00%"))
    #expect(PremiumExplanation.lines(for: "P9", in: result) == nil)
}
