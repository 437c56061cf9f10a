import Indicators
import Statistics
import Testing

/// Means with Student t limits against indicator_reference.py (scipy.stats.t).
@Suite struct MeansTests {
    @Test func twoValues() {
        // Script M1: [4.2, 5.9]: mean 5.05, s = 1.7/√2 = 1.2020815280171309, t(0.975; 1) = 12.706204736174707,
        // half-width = 12.7062047·1.20208153/√2 = 10.800274.
        let sample = SampleSummary([4.2, 5.9])
        expectClose(sample.sum, 10.100000000000001)
        expectClose(sample.standardDeviation, 1.2020815280171309)
        let estimate = Means.studentT(sample, confidence: levels)
        expectEstimate(estimate, [5.050000000000001, -5.750274025748489, 15.85027402574849, -265.51251313771763, 275.61251313771766])
        #expect(estimate.method == "Student's t-distribution")
    }

    @Test func skewedFive() {
        // Script M2.
        let sample = SampleSummary([1, 2, 3, 4, 100])
        expectClose(sample.standardDeviation, 43.617656975128774)
        expectEstimate(Means.studentT(sample, confidence: levels),
                       [22.0, -32.15847435201869, 76.15847435201869, -117.92302766769839, 161.9230276676984])
    }

    @Test func thirtyValues() {
        // Script M3 (values printed by the script).
        let values: [Double] = [0.0, 3.95, 2.8, 1.65, 4.6, 3.45, 2.3, 1.15, 4.1, 2.95, 1.8, 5.75, 3.6, 2.45, 1.3, 5.25, 3.1, 1.95,
                                0.8, 4.75, 2.6, 1.45, 5.4, 4.25, 2.1, 0.95, 4.9, 3.75, 1.6, 0.45]
        let sample = SampleSummary(values)
        #expect(sample.count == 30)
        expectClose(sample.sum, 85.14999999999999, relative: 1e-14)
        expectClose(sample.standardDeviation, 1.586944762164367)
        expectEstimate(Means.studentT(sample, confidence: levels),
                       [2.838333333333333, 2.2457584204450347, 3.430908246221631, 1.8543231510233609, 3.822343515643305])
    }

    @Test func oneValueHasNoLimits() {
        let estimate = Means.studentT(SampleSummary([7.5]), confidence: levels)
        #expect(estimate.value == 7.5)
        #expect(estimate.limits.allSatisfy { $0.lower == nil && $0.upper == nil })
        #expect(estimate.suppression == "limits need at least 2 values")
    }

    @Test func identicalValuesHaveZeroWidth() {
        // s = 0, so both limits equal the mean.
        let estimate = Means.studentT(SampleSummary([3, 3, 3]), confidence: levels)
        #expect(estimate.limits.allSatisfy { $0.lower == 3 && $0.upper == 3 })
    }
}
