import Population
@testable import Risk
import Tables
import Testing

/// Reading cost specifications, persons files, registered lists, budgets and pools; every bad
/// input is a bad-data error at its file, line and column.
@Suite struct CostSpecificationReaderTests {
    static let valid = """
    name = "test"
    status = "illustrative"

    [[band]]
    age_band = "0-64"
    zero_probability = 0.4
    tail = "lognormal"
    log_mean = 6
    log_sd = 1.3

    [[band]]
    age_band = "65+"
    sex = "F"
    zero_probability = 0.1
    tail = "gamma"
    shape = 0.7
    scale = 4000

    [[band]]
    age_band = "65+"
    sex = "M"
    zero_probability = 1
    """

    func error(_ text: String) -> DataError? {
        do {
            _ = try CostSpecificationReader.read(text: text, name: "costs.toml")
            return nil
        } catch let error as DataError {
            return error
        } catch {
            return nil
        }
    }

    @Test func readsBandsForBothSexesOrOne() throws {
        let model = try CostSpecificationReader.read(text: Self.valid, name: "costs.toml")
        #expect(model.cells.map(\.description) == ["M 0-64", "F 0-64", "F 65+", "M 65+"])
        #expect(model.distributions[0] == .parametric(ParametricCost(zeroProbability: 0.4, tail: .lognormal(logMean: 6, logStandardDeviation: 1.3))))
        #expect(model.distributions[2] == .parametric(ParametricCost(zeroProbability: 0.1, tail: .gamma(shape: 0.7, scale: 4000))))
        #expect(model.distributions[3].mean == 0)
        #expect(model.locations[2].line == 12)
        #expect(model.placement(sex: .female, ages: AgeBand(label: "90-94")!, needGroup: nil) == .cell(2))
    }

    @Test func unknownKeyIsNamedAtItsLine() {
        let text = Self.valid.replacingOccurrences(of: "log_sd = 1.3", with: "log_sd = 1.3\nlog_sdd = 2")
        let found = error(text)
        #expect(found?.kind == .badData)
        #expect(found?.location.line == 10)
        #expect(found?.location.column == 1)
        #expect(found?.message.contains("unknown key \"log_sdd\"") == true)
    }

    @Test func probabilityOutsideZeroToOne() {
        let found = error(Self.valid.replacingOccurrences(of: "zero_probability = 0.4", with: "zero_probability = 1.2"))
        #expect(found?.location.line == 6)
        #expect(found?.message.contains("expected a probability from 0 to 1, found 1.2") == true)
        #expect(error(Self.valid.replacingOccurrences(of: "zero_probability = 0.4", with: "zero_probability = -0.1"))?.location.line == 6)
    }

    @Test func badBandLabelSexAndTail() {
        #expect(error(Self.valid.replacingOccurrences(of: "\"0-64\"", with: "\"0-sixty\""))?.location.line == 5)
        #expect(error(Self.valid.replacingOccurrences(of: "sex = \"F\"", with: "sex = \"X\""))?.location.line == 13)
        let tail = error(Self.valid.replacingOccurrences(of: "tail = \"gamma\"", with: "tail = \"weibull\""))
        #expect(tail?.location.line == 15)
        #expect(tail?.message.contains("expected \"lognormal\" or \"gamma\"") == true)
    }

    @Test func parameterOfTheOtherFamily() {
        let found = error(Self.valid.replacingOccurrences(of: "log_sd = 1.3", with: "log_sd = 1.3\nshape = 2"))
        #expect(found?.location.line == 10)
        #expect(found?.message.contains("shape is a parameter of gamma tails") == true)
    }

    @Test func nonPositiveParameters() {
        #expect(error(Self.valid.replacingOccurrences(of: "log_sd = 1.3", with: "log_sd = 0"))?.location.line == 9)
        #expect(error(Self.valid.replacingOccurrences(of: "scale = 4000", with: "scale = -4000"))?.location.line == 17)
    }

    @Test func missingTail() {
        let found = error(Self.valid.replacingOccurrences(of: "tail = \"lognormal\"\nlog_mean = 6\nlog_sd = 1.3", with: ""))
        #expect(found?.message.contains("the key \"tail\" is required") == true)
    }

    @Test func overlappingBands() {
        let found = error(Self.valid + "\n\n[[band]]\nage_band = \"60-69\"\nzero_probability = 0.5\ntail = \"gamma\"\nshape = 1\nscale = 1\n")
        #expect(found?.location.line == 25)
        #expect(found?.message.contains("overlap") == true)
    }

    @Test func needGroupsForSomeBandsOnly() {
        let found = error(Self.valid.replacingOccurrences(of: "sex = \"F\"", with: "sex = \"F\"\nneed_group = \"diabetes\""))
        #expect(found?.message.contains("need groups must be given for every cell or for none") == true)
    }

    @Test func noBands() {
        #expect(error("name = \"empty\"\n")?.message.contains("at least one [[band]]") == true)
    }
}

@Suite struct PersonsFileReaderTests {
    func read(_ text: String) throws -> PersonsFile {
        try PersonsFileReader.read(bytes: Array(text.utf8), name: "persons.csv")
    }

    func error(_ text: String) -> DataError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error as? DataError
        }
    }

    @Test func cellsAndPracticeCounts() throws {
        let file = try read("practice_code,sex,age_band,cost\nP1,F,65+,1200\nP1,M,0-64,0\nP2,M,0-64,300.5\nP2,F,65+,0\nP1,F,65+,40\n")
        #expect(file.model.cells.map(\.description) == ["M 0-64", "F 65+"])
        #expect(file.model.distributions[1] == .empirical(EmpiricalCost(costs: [0, 40, 1200])))
        #expect(file.practices?.practiceCodes == ["P1", "P2"])
        #expect(file.practices?.counts == [1, 2, 1, 1])
    }

    @Test func negativeCost() {
        let found = error("sex,age_band,cost\nF,65+,10\nM,0-64,-5\n")
        #expect(found?.location.line == 3)
        #expect(found?.location.column == 3)
        #expect(found?.kind == .badData)
    }

    @Test func unknownSexAndBand() {
        #expect(error("sex,age_band,cost\nX,65+,10\n")?.location.line == 2)
        let band = error("sex,age_band,cost\nF,65+,10\nF,old,3\n")
        #expect(band?.location.line == 3)
        #expect(band?.location.column == 2)
    }

    @Test func overlappingBandsInThePersonsFile() {
        let found = error("sex,age_band,cost\nF,0-4,10\nF,0-9,3\n")
        #expect(found?.location.line == 3)
        #expect(found?.message.contains("overlap") == true)
    }

    @Test func noPersons() {
        #expect(error("sex,age_band,cost\n")?.message.contains("no persons") == true)
    }
}

@Suite struct PopulationFileReaderTests {
    let model = TestModels.model([
        (.male, "0-64", TestModels.parametric(zero: 0.5, .gamma(shape: 1, scale: 100))),
        (.female, "0-64", TestModels.parametric(zero: 0.5, .gamma(shape: 1, scale: 100))),
        (.male, "65-89", TestModels.parametric(zero: 0.5, .gamma(shape: 1, scale: 100))),
        (.female, "65+", TestModels.parametric(zero: 0.5, .gamma(shape: 1, scale: 100))),
    ])

    func read(_ text: String) throws -> PracticeCellCounts {
        try PopulationFileReader.read(bytes: Array(text.utf8), name: "lists.csv", model: model)
    }

    func error(_ text: String) -> DataError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error as? DataError
        }
    }

    @Test func bandsFallIntoTheCellsThatContainThem() throws {
        let counts = try read("practice_code,sex,age_band,patients\nA,M,0-4,10\nA,M,5-9,20\nA,F,90-94,3\nA,F,95+,1\nB,M,65-69,7\n")
        #expect(counts.practiceCodes == ["A", "B"])
        #expect(counts.counts == [30, 0, 0, 4, 0, 0, 7, 0])
    }

    @Test func unknownBand() {
        // Men's bands stop at 89: a man aged 90+ has no cost distribution.
        let found = error("practice_code,sex,age_band,patients\nA,M,0-4,10\nA,M,90+,2\n")
        #expect(found?.location.line == 3)
        #expect(found?.location.column == 3)
        #expect(found?.message.contains("unknown band 90+ for sex M") == true)
    }

    @Test func bandStraddlingTwoCells() {
        let found = error("practice_code,sex,age_band,patients\nA,F,60-69,10\n")
        #expect(found?.message.contains("straddles") == true)
        #expect(found?.location.line == 2)
    }

    @Test func nhsDigitalLayoutWithTotals() throws {
        let text = "ORG_CODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS\nA,ALL,ALL,33\nA,MALE,ALL,30\nA,MALE,0_4,10\nA,MALE,5_9,20\nA,FEMALE,95+,3\n"
        #expect(try read(text).counts == [30, 0, 0, 3])
        let wrong = error(text.replacingOccurrences(of: "A,MALE,ALL,30", with: "A,MALE,ALL,31"))
        #expect(wrong?.location.line == 3)
        #expect(wrong?.message.contains("expected 30") == true)
    }

    @Test func repeatedAndOverlappingRows() {
        #expect(error("practice_code,sex,age_band,patients\nA,M,0-4,10\nA,M,0-4,1\n")?.location.line == 3)
        #expect(error("practice_code,sex,age_band,patients\nA,F,90+,10\nA,F,95+,1\n")?.message.contains("overlaps") == true)
    }

    @Test func needGroupsMustBeGivenWhenTheModelHasThem() throws {
        let grouped = try CostModel(
            cells: [CostCell(sex: .male, ages: AgeBand(label: "0+")!, needGroup: "none"), CostCell(sex: .male, ages: AgeBand(label: "0+")!, needGroup: "diabetes")],
            distributions: [TestModels.parametric(zero: 0.5, .gamma(shape: 1, scale: 100)), TestModels.parametric(zero: 0.1, .gamma(shape: 1, scale: 900))],
            locations: [SourceLocation(file: "m"), SourceLocation(file: "m")], source: "m")
        #expect(throws: DataError.self) {
            _ = try PopulationFileReader.read(bytes: Array("practice_code,sex,age_band,patients\nA,M,0-4,1\n".utf8), name: "lists.csv", model: grouped)
        }
        let counts = try PopulationFileReader.read(bytes: Array("practice_code,sex,age_band,need_group,patients\nA,M,0-4,none,8\nA,M,0-4,diabetes,2\n".utf8),
                                                   name: "lists.csv", model: grouped)
        #expect(counts.counts == [8, 2])
        #expect(throws: DataError.self) {
            _ = try PopulationFileReader.read(bytes: Array("practice_code,sex,age_band,need_group,patients\nA,M,0-4,asthma,8\n".utf8),
                                              name: "lists.csv", model: grouped)
        }
    }
}

@Suite struct GroupInputTests {
    let practices = PracticeCellCounts(practiceCodes: ["A", "B", "C"], cellCount: 2, counts: [1, 2, 3, 4, 5, 6],
                                       firstLocations: [SourceLocation(file: "lists.csv", line: 2), SourceLocation(file: "lists.csv", line: 4),
                                                        SourceLocation(file: "lists.csv", line: 6)])

    @Test func practicesSumIntoConsortia() throws {
        let mapping = try ConsortiumMapping([("C", "X"), ("A", "Y"), ("B", "X")])
        let groups = try GroupPopulation(practices: practices, mapping: mapping)
        #expect(groups.codes == ["X", "Y"])
        #expect(groups.counts == [8, 10, 1, 2])
        #expect(groups.persons(ofGroup: 0) == 18)
        #expect(groups.totalByCell == [9, 12])
    }

    @Test func aPracticeMissingFromTheMappingIsNamedAtItsLine() throws {
        let mapping = try ConsortiumMapping([("A", "Y"), ("B", "X")])
        #expect { try GroupPopulation(practices: practices, mapping: mapping) } throws: { error in
            (error as? DataError)?.location.line == 6
        }
    }

    @Test func budgetsFile() throws {
        let budgets = try GroupBudgets.read(bytes: Array("consortium_code,budget\nY,100.50\nX,2000\n".utf8), name: "budgets.csv", codes: ["X", "Y"])
        #expect(budgets == [2000, 100.5])
        #expect { try GroupBudgets.read(bytes: Array("consortium_code,budget\nY,1\nZ,2\n".utf8), name: "budgets.csv", codes: ["X", "Y"]) } throws: { error in
            (error as? DataError)?.location.line == 3
        }
        #expect { try GroupBudgets.read(bytes: Array("consortium_code,budget\nY,1\n".utf8), name: "budgets.csv", codes: ["X", "Y"]) } throws: { error in
            (error as? DataError)?.message.contains("no budget for X") == true
        }
        #expect { try GroupBudgets.read(bytes: Array("consortium_code,budget\nY,1\nX,-2\n".utf8), name: "budgets.csv", codes: ["X", "Y"]) } throws: { error in
            (error as? DataError)?.location.line == 3
        }
        #expect(GroupBudgets.fromExpectedSpend([100, 200], margin: 0.05) == [105, 210])
    }

    @Test func poolsFile() throws {
        let pools = try PoolMembership.read(bytes: Array("consortium_code,pool_code\nX,P\nY,Q\nZ,P\n".utf8), name: "pools.csv", codes: ["X", "Y", "Z"])
        #expect(pools.pools == ["P", "Q"])
        #expect(pools.members == [[0, 2], [1]])
        #expect { try PoolMembership.read(bytes: Array("consortium_code,pool_code\nX,P\nX,Q\n".utf8), name: "pools.csv", codes: ["X"]) } throws: { error in
            (error as? DataError)?.location.line == 3
        }
        #expect { try PoolMembership.read(bytes: Array("consortium_code,pool_code\nX,P\n".utf8), name: "pools.csv", codes: ["X", "Y"]) } throws: { error in
            (error as? DataError)?.message.contains("no pool for Y") == true
        }
    }
}
