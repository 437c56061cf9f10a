import Testing
@testable import Allocation
import Tables

// Twelve persons with weights months/12; person 9 has weight 0 (and an outlying cost that would
// move every coefficient if it counted). Expected values: Reference/make_small_pbra_references.py
// (statsmodels WLS on the eleven persons with positive weight, HC1 by cov_type="HC1").
private let weightedPersons = """
person_id,practice_code,age_band,female,diabetes,distance_km,months,cost
1,A1,0-4,0,0,2.5,12,100
2,A1,0-4,1,0,4,6,150
3,A1,65+,0,1,3,12,900
4,A2,65+,1,0,8.25,9,500
5,A2,15-64,0,0,1,12,60
6,A2,15-64,1,1,5,3,700
7,A3,15-64,0,0,7,12,120
8,A3,65+,1,1,6,12,1200
9,A3,0-4,0,0,9,0,5000
10,A3,15-64,1,0,2,12,110
11,A1,65+,0,0,3.5,12,640
12,A2,0-4,1,1,6,12,480

"""

private let weightedModel = """
response = "cost"
weights = "months"
need = ["female", "diabetes"]
supply = ["distance_km"]

[[categorical]]
variable = "age_band"
reference = "15-64"
"""

private func close(_ actual: [Double], _ expected: [Double], _ tolerance: Double) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance * abs($1) }
}

@Test func weightedFitAgreesWithStatsmodelsWLS() throws {
    // Weights months and months/12 give the same coefficients and standard errors (WLS is
    // invariant to a common scale of the weights), so the file's months are used as they are.
    let fit = try PersonBasedRegression.fit(persons: SmallPersons.source(weightedPersons), model: SmallPersons.model(weightedModel),
                                            options: PersonBasedFitOptions(robust: true, chunkRows: 5))
    #expect(fit.design.termNames == ["intercept", "female", "diabetes", "distance_km", "age_band=0-4", "age_band=65+"])
    #expect(fit.regression.n == 11 && fit.rowsRead == 12)
    #expect(close(fit.regression.coefficients, [86.97501458316825, 50.90545817281163, 432.60983233424884, 0.9375041604557142,
                                                 -32.49973989446923, 484.53863195831605], 1e-10))
    #expect(close(fit.regression.standardErrors, [84.78646254157172, 83.04914946637228, 87.28480273552178, 18.54776545932339,
                                                   97.09203283827794, 95.28994871618782], 1e-10))
    #expect(close(fit.pValues, [0.35202242600214273, 0.5667107112944099, 0.004261721509569832, 0.9616448548786657,
                                 0.751413235458287, 0.003818616498456092], 1e-8))
    let robust = try #require(fit.robust)
    #expect(close(robust.standardErrors, [64.19384712557525, 69.73470542779461, 106.07140358929932, 13.123421786326604,
                                          59.29291765690143, 85.84578348355598], 1e-10))
    #expect(close(try #require(fit.robustPValues), [0.23345440165951706, 0.49814827207353113, 0.009554114621617637,
                                                    0.9458189998240942, 0.6071810376070893, 0.002422527259038467], 1e-8))
    // σ̂² = Σ wᵢeᵢ² / (n − p) scales with the weights: months are 12 × statsmodels' months/12, so σ̂ is √12 × its value.
    #expect(close([fit.regression.rSquared!, fit.regression.adjustedRSquared!, fit.regression.residualStandardError],
                  [0.9553949962601366, 0.9107899925202732, 110.28678132758728 * (12.0).squareRoot()], 1e-10))
    // Weighted national means: the same with any scale of the weights.
    #expect(close(fit.nationalMeans, [1.0, 0.47368421052631576, 0.34210526315789475, 4.256578947368421,
                                      0.2631578947368421, 0.39473684210526316], 1e-14))
    #expect(abs(fit.responseMean - 445.7894736842105) <= 1e-13 * 445.7894736842105)
    // Σ months over the persons: 12·8 + 6 + 9 + 3 + 0 = 114.
    #expect(abs(fit.sumOfWeights - 114) <= 114 * 1e-13) // weights are months / 12, summed in floating point
}
