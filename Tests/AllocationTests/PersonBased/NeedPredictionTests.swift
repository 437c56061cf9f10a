import Testing
@testable import Allocation
import Tables

// Six persons whose cost is exactly 100 + 50·female + 10·distance_km (checked row by row:
// 100 + 20 = 120, 100 + 50 + 40 = 190, 100 + 60 = 160, 100 + 50 + 80 = 230, 100 + 50 = 150,
// 100 + 100 = 200), so least squares returns b = (100, 50, 10) with zero residuals, and the
// predictions can be worked by hand.
private let exactPersons = """
person_id,practice_code,female,distance_km,cost
1,A,0,2,120
2,A,1,4,190
3,B,0,6,160
4,B,1,8,230
5,B,1,0,150
6,C,0,10,200
"""

private let exactModel = """
response = "cost"
need = ["female"]
supply = ["distance_km"]
"""

private func exactFit() throws -> (PersonBasedModel, PersonBasedFit) {
    let model = try SmallPersons.model(exactModel)
    return (model, try PersonBasedRegression.fit(persons: SmallPersons.source(exactPersons), model: model))
}

@Test func supplyHeldAtItsNationalMeanByHand() throws {
    let (model, fit) = try exactFit()
    #expect(zip(fit.regression.coefficients, [100.0, 50, 10]).allSatisfy { abs($0 - $1) < 1e-9 })
    // Mean distance (2 + 4 + 6 + 8 + 0 + 10) / 6 = 5, so every man is predicted 100 + 10·5 = 150 and
    // every woman 200: A = 150 + 200 = 350, B = 150 + 200 + 200 = 550, C = 150; total 1050; shares
    // 1/3, 11/21, 1/7.
    #expect(fit.supplyMeans.map(\.term) == ["distance_km"] && abs(fit.supplyMeans[0].mean - 5) < 1e-15)
    var perPerson: [Double] = []
    var ids: [String] = []
    let prediction = try NeedPredictor.predict(persons: SmallPersons.source(exactPersons), model: model, coefficients: FittedCoefficients(fit),
                                               neutralise: .supply, chunkRows: 4) { chunk in
        perPerson += chunk.predictedCosts
        ids += chunk.personIDs
    }
    #expect(prediction.practices.map(\.practiceCode) == ["A", "B", "C"])
    #expect(prediction.practices.map(\.patients) == [2, 3, 1])
    let expectedCosts = [350.0, 550, 150]
    let expectedShares = [1.0 / 3, 11.0 / 21, 1.0 / 7]
    for index in 0..<3 {
        #expect(abs(prediction.practices[index].predictedCost - expectedCosts[index]) < 1e-9)
        #expect(abs(prediction.practices[index].needShare - expectedShares[index]) < 1e-14)
    }
    #expect(abs(prediction.totalPredictedCost - 1050) < 1e-9)
    #expect(abs(prediction.neutralisedContribution - 50) < 1e-9)
    #expect(ids == ["1", "2", "3", "4", "5", "6"])
    #expect(zip(perPerson, [150.0, 200, 150, 200, 200, 150]).allSatisfy { abs($0 - $1) < 1e-9 })
}

@Test func withoutNeutralisationThePredictionsAreTheFittedCosts() throws {
    // An exact fit: fitted = actual, so A = 120 + 190 = 310, B = 160 + 230 + 150 = 540, C = 200.
    let (model, fit) = try exactFit()
    let prediction = try NeedPredictor.predict(persons: SmallPersons.source(exactPersons), model: model,
                                               coefficients: FittedCoefficients(fit), neutralise: .none)
    #expect(zip(prediction.practices.map(\.predictedCost), [310.0, 540, 200]).allSatisfy { abs($0 - $1) < 1e-9 })
    #expect(abs(prediction.neutralisedContribution) == 0)
}

@Test func neutralisedPredictionDoesNotReadSupplyColumns() throws {
    // Next year's persons without a distance column: with supply neutralised they are not needed.
    let (model, fit) = try exactFit()
    let nextYear = "person_id,practice_code,female\n7,D,1\n8,D,0\n9,E,1\n"
    let prediction = try NeedPredictor.predict(persons: SmallPersons.source(nextYear), model: model,
                                               coefficients: FittedCoefficients(fit), neutralise: .supply)
    // D = 200 + 150 = 350, E = 200: shares 350/550 = 7/11 and 4/11.
    #expect(abs(prediction.practices[0].needShare - 7.0 / 11) < 1e-14 && abs(prediction.practices[1].needShare - 4.0 / 11) < 1e-14)
    let error = SmallPersons.dataError {
        _ = try NeedPredictor.predict(persons: SmallPersons.source(nextYear), model: model, coefficients: FittedCoefficients(fit), neutralise: .none)
    }
    #expect(error?.location.line == 1)
    #expect(error?.message.contains("missing column \"distance_km\"") == true)
}

@Test func categoricalSupplyIsNeutralisedThroughItsLevelProportions() throws {
    // cost = 100 + 50·female + 30·[trust = T2] exactly; half the persons are in T2, so a man is
    // predicted 100 + 30·½ = 115 and a woman 165: A = 115 + 165 = 280 = B, shares ½ and ½.
    let persons = "person_id,practice_code,female,trust,cost\n1,A,0,T1,100\n2,A,1,T2,180\n3,B,0,T2,130\n4,B,1,T1,150\n"
    let model = try SmallPersons.model("response = \"cost\"\nneed = [\"female\"]\n[[categorical]]\nvariable = \"trust\"\nrole = \"supply\"\nreference = \"T1\"\n")
    let fit = try PersonBasedRegression.fit(persons: SmallPersons.source(persons), model: model)
    #expect(fit.design.termNames == ["intercept", "female", "trust=T2"])
    #expect(abs(fit.nationalMeans[2] - 0.5) < 1e-15)
    let prediction = try NeedPredictor.predict(persons: SmallPersons.source(persons), model: model,
                                               coefficients: FittedCoefficients(fit), neutralise: .supply)
    #expect(prediction.practices.allSatisfy { abs($0.predictedCost - 280) < 1e-9 && abs($0.needShare - 0.5) < 1e-14 })
    // A level the fit never saw, in a column that is read (no neutralisation): an error at its line and column.
    let unseen = persons + "5,B,0,T3,0\n"
    let error = SmallPersons.dataError {
        _ = try NeedPredictor.predict(persons: SmallPersons.source(unseen), model: model, coefficients: FittedCoefficients(fit), neutralise: .none)
    }
    #expect(error?.location.description == "persons.csv:6:4: trust")
    #expect(error?.message.contains("expected one of the levels of the fit") == true)
    #expect(error?.message.contains("found \"T3\"") == true)
}

@Test func coefficientsOfAnotherModelAreRefused() throws {
    let (_, fit) = try exactFit()
    let other = try SmallPersons.model("response = \"cost\"\nneed = [\"female\", \"diabetes\"]\nsupply = [\"distance_km\"]\n")
    let error = SmallPersons.dataError {
        _ = try NeedPredictor.predict(persons: SmallPersons.source(exactPersons), model: other, coefficients: FittedCoefficients(fit), neutralise: .supply)
    }
    #expect(error?.message.contains("term 3: expected \"diabetes\" (need) as the model says, found \"distance_km\" (supply)") == true)
}

@Test func aPracticeWithoutPositivePredictedCostHasNoShare() throws {
    // Coefficients that predict −400 + 50·female + 10·5 for everyone: practice A = −350 − 300 < 0.
    let (model, fit) = try exactFit()
    var coefficients = FittedCoefficients(fit)
    coefficients.coefficients[0] = -400
    let error = SmallPersons.dataError {
        _ = try NeedPredictor.predict(persons: SmallPersons.source(exactPersons), model: model, coefficients: coefficients, neutralise: .supply)
    }
    #expect(error?.location.line == 2)
    #expect(error?.message.contains("practice A has a predicted cost of -650.0") == true)
}

@Test func predictedTotalEqualsTheTotalCostOnTheFittingPersons() throws {
    // With an intercept, Σ fitted = Σ cost (the normal equation of the intercept), and holding a
    // supply term at its mean over the same persons moves each prediction by bₖ(m̄ₖ − xᵢₖ), which
    // sums to 0: Σ predictions = Σ cost = n × mean cost.
    let model = try SmallPersons.model(GeneratedPersons.modelText)
    let persons = PersonsSource.bytes(GeneratedPersons.csv(count: 5_000), name: "persons.csv")
    let fit = try PersonBasedRegression.fit(persons: persons, model: model)
    let prediction = try NeedPredictor.predict(persons: persons, model: model, coefficients: FittedCoefficients(fit), neutralise: .supply)
    let totalCost = 5_000 * fit.responseMean
    #expect(abs(prediction.totalPredictedCost - totalCost) <= 1e-10 * totalCost)
}
