import Testing
@testable import Allocation
import Tables

/// Small persons files and models written out in the tests, and a way to catch their errors.
enum SmallPersons {
    static func source(_ text: String, name: String = "persons.csv") -> PersonsSource {
        .bytes(Array(text.utf8), name: name)
    }

    static func model(_ text: String) throws -> PersonBasedModel {
        try PersonBasedModelReader.read(text: text, name: "model.toml")
    }

    /// The DataError `body` throws, or nil (recording any other error as an issue).
    static func dataError(_ body: () throws -> Void) -> DataError? {
        do {
            try body()
            return nil
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// The model of the small tests: cost on sex, diabetes, distance (supply) and age band.
    static let modelText = """
    response = "cost"
    need = ["female", "diabetes"]
    supply = ["distance_km"]

    [[categorical]]
    variable = "age_band"
    reference = "15-64"
    """
}
