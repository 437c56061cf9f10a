import Testing
import TestSupport

@Suite struct SplitMix64Tests {
    @Test func matchesThePublishedSequenceForSeed1234567() {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64": the first five outputs for seed 1234567.
        var generator = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in generator.next() } == expected)
    }

    @Test func uniformsUseTheTop53Bits() {
        // (6457827717110365317 >> 11)·2⁻⁵³ = 3153236189995295·2⁻⁵³.
        var generator = SplitMix64(seed: 1_234_567)
        #expect(generator.nextUniform() == Double(3_153_236_189_995_295) * 0x1.0p-53)
    }
}
