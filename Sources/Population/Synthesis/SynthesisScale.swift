/// How large a synthetic data set `consortium synth` makes.
public enum SynthesisScale: String, CaseIterable, Sendable {
    /// One consortium, "Exampleshire": 40 practices in 7 PCNs, 300 small areas, the 12 named
    /// indicators and 8 quality measures.
    case consortium
    /// England: 6,500 practices in 106 consortia (sub-ICBs) and 7 regions, about 1,250 PCNs,
    /// about 62 million patients, 32,844 small areas, 50 indicators and 8 quality measures,
    /// calibrated to the real 2022/23 frame (`EnglandCalibration`).
    case england
}
