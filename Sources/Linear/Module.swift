import CLapack
/// Probe that the BLAS link works; replaced by the Linear module proper.
func blasDot(_ x: [Double], _ y: [Double]) -> Double { cblas_ddot(Int32(x.count), x, 1, y, 1) }
