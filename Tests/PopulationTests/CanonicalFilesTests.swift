import Testing
import Tables
@testable import Population

private func failure(_ work: () throws -> Void) -> String? {
    do { try work() } catch let error as DataError { return error.description } catch { return "\(error)" }
    return nil
}

@Test func practicesFileWithStructureAndNeedVariables() throws {
    let text = """
    practice_code,consortium_code,practice_name,pcn_code,region_code,market_forces_factor,imd_score,rurality,ltc_prevalence
    A1,C1,One,N1,R1,1.02,30.5,Urban,0.2
    A2,C1,,N1,R1,0.98,12,Rural,0.3
    A3,C2,Three,N2,R1,1,8.25,Urban,0.1

    """
    let frame = try PracticeFrame.read(bytes: Array(text.utf8), name: "practices.csv", attributes: ["ltc_prevalence"], labels: ["rurality"])
    #expect(frame.count == 3 && frame.consortiumCodes == ["C1", "C2"] && frame.pcnCodes == ["N1", "N2"] && frame.regionCodes == ["R1"])
    #expect(frame["A2"]?.name == nil && frame["A1"]?.name == "One")
    #expect(frame.attribute("market_forces_factor") == [1.02, 0.98, 1])
    #expect(frame.attribute("ltc_prevalence") == [0.2, 0.3, 0.1])
    #expect(frame["A2"]?.labels["rurality"] == "Rural")
    #expect(frame.practices(inConsortium: "C1").map(\.code) == ["A1", "A2"])
    #expect(frame.attribute("weighted_patients") == nil)
}

@Test func practicesFileErrorsNameTheCell() {
    let header = "practice_code,consortium_code,market_forces_factor\n"
    #expect(failure { _ = try PracticeFrame.read(bytes: Array((header + "A1,C1,1\nA1,C2,1\n").utf8), name: "p.csv") }
            == "p.csv:3:1: practice_code: the practice \"A1\" appears twice (also line 2)")
    #expect(failure { _ = try PracticeFrame.read(bytes: Array((header + "A1,C1,0\n").utf8), name: "p.csv") }
            == "p.csv:2:3: market_forces_factor: expected a factor > 0, found 0")
    #expect(failure { _ = try PracticeFrame.read(bytes: Array((header + "A1,,1\n").utf8), name: "p.csv") }
            == "p.csv:2:2: consortium_code: expected text, found an empty field")
    #expect(failure { _ = try PracticeFrame.read(bytes: Array((header + "A1,C1,1\n").utf8), name: "p.csv", attributes: ["need"]) }
            == "p.csv:1: missing column \"need\"; the header has 3 columns: practice_code, consortium_code, market_forces_factor")
}

@Test func regroupingPracticesIntoNewConsortia() throws {
    let frame = try PracticeFrame(practices: [
        Practice(code: "A1", consortiumCode: "C1", consortiumName: "Old one"), Practice(code: "A2", consortiumCode: "C2"),
    ])
    let merger = try ConsortiumMapping([("A1", "M1"), ("A2", "M1")], consortiumNames: ["M1": "Merged"])
    let merged = try frame.regrouped(by: merger)
    #expect(merged.consortiumCodes == ["M1"] && merged["A1"]?.consortiumName == "Merged")
    #expect(failure { _ = try frame.regrouped(by: try ConsortiumMapping([("A1", "M1")], source: "map.csv")) }
            == "map.csv: practice_code: no consortium for the practice \"A2\" of the frame")
    #expect(failure { _ = try ConsortiumMapping([("A1", "M1"), ("A1", "M2")], source: "map.csv") }
            == "map.csv: practice_code: the practice \"A1\" is mapped twice")
    #expect(ConsortiumMapping(frame: frame).consortiumCode(of: "A2") == "C2")
    #expect(failure { _ = try PracticeFrame(practices: [Practice(code: "A1", consortiumCode: "C"), Practice(code: "A1", consortiumCode: "C")]) }
            == "practice frame: practice_code: the practice \"A1\" appears twice (positions 1 and 2)")
}

@Test func areasAndAttributionGiveThePatientWeightedPracticeScore() throws {
    let areas = try SmallAreas.read(bytes: Array("lsoa_code,imd_score,imd_decile\nL1,40,1\nL2,10,8\nL3,20,5\n".utf8), name: "areas.csv")
    #expect(areas.count == 3 && areas.values("imd_decile") == [1, 8, 5])
    let frame = try PracticeFrame(practices: [Practice(code: "A1", consortiumCode: "C"), Practice(code: "A2", consortiumCode: "C")])
    let attribution = try Attribution.read(bytes: Array("practice_code,lsoa_code,patients\nA1,L1,300\nA1,L2,100\nA2,L3,50\n".utf8),
                                           name: "attribution.csv", frame: frame, areas: areas)
    #expect(attribution.patientsByPractice == [400, 50])
    #expect(attribution.patientsByArea == [300, 100, 50])
    // A1: (300 × 40 + 100 × 10) / 400 = 13,000 / 400 = 32.5; A2: 20.
    #expect(try attribution.practiceMeans(of: "imd_score", in: areas) == [32.5, 20])
}

@Test func areasAndAttributionErrors() throws {
    #expect(failure { _ = try SmallAreas.read(bytes: Array("lsoa_code,imd_decile\nL1,11\n".utf8), name: "a.csv") }
            == "a.csv:2:2: imd_decile: expected a decile from 1 to 10, found 11")
    #expect(failure { _ = try SmallAreas.read(bytes: Array("lsoa_code,imd_score\nL1,1\nL1,2\n".utf8), name: "a.csv") }
            == "a.csv:3:1: lsoa_code: the area \"L1\" appears twice (also line 2)")
    let areas = try SmallAreas.read(bytes: Array("lsoa_code\nL1\n".utf8), name: "a.csv")
    #expect(failure { _ = try Attribution.read(bytes: Array("practice_code,lsoa_code,patients\nA1,L1,3\nA1,L1,4\n".utf8), name: "t.csv") }
            == "t.csv:3:2: lsoa_code: the practice A1 and area L1 are given twice (also line 2)")
    #expect(failure { _ = try Attribution.read(bytes: Array("practice_code,lsoa_code,patients\nA1,L2,3\n".utf8), name: "t.csv", areas: areas) }
            == "t.csv:2:2: lsoa_code: the area \"L2\" is not in the areas file")
    #expect(failure { _ = try Attribution.read(bytes: Array("practice_code,lsoa_code,patients\nA1,L1,2.5\n".utf8), name: "t.csv") }
            == "t.csv:2:3: patients: expected a whole number >= 0, found \"2.5\"")
}
