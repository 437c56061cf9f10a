#if canImport(Dispatch)
import Dispatch
#endif

/// Runs `body` for blocks 0..<count, in parallel on the processor's cores where the platform
/// allows. Each block must write only its own part of any shared output.
func concurrentBlocks(_ count: Int, _ body: (Int) -> Void) {
    #if canImport(Dispatch)
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
    #else
    for block in 0..<count { body(block) }
    #endif
}
