import ArgumentParser
import Pipeline
import Tables
#if canImport(Glibc)
import Glibc
#endif

/// Exit codes of the design's contract (sysexits.h values).
enum ExitStatus {
    static let badData: Int32 = 65
    static let cannotOpenInput: Int32 = 66
    static let internalError: Int32 = 70
    static let cannotCreateOutput: Int32 = 73
}

/// Runs a command's work, turning engine errors into `error: …` on standard error and the exit
/// code of the contract. Argument errors (64) are ArgumentParser's own.
func reportingErrors(_ work: () throws -> Void) throws {
    do {
        try work()
    } catch let error as DataError {
        printError("error: \(error.description)")
        switch error.kind {
        case .badData: throw ExitCode(ExitStatus.badData)
        case .cannotOpen: throw ExitCode(ExitStatus.cannotOpenInput)
        case .cannotCreate: throw ExitCode(ExitStatus.cannotCreateOutput)
        }
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch let error as OptionError {
        throw ValidationError(error.message)
    } catch {
        printError("error: internal error: \(error)")
        throw ExitCode(ExitStatus.internalError)
    }
}

/// Runs option checks shared with the pipeline, turning an `OptionError` into ArgumentParser's
/// `ValidationError` (exit 64, with the command's usage).
func validatingOptions(_ check: () throws -> Void) throws {
    do {
        try check()
    } catch let error as OptionError {
        throw ValidationError(error.message)
    }
}

/// Writes one line to standard error.
func printError(_ message: String) {
    var line = message
    line += "\n"
    _ = line.withCString { fputs($0, stderr) }
}
