/// A place on a synthetic consortium's map around which small areas cluster.
struct Settlement: Sendable {
    enum Kind: Sendable {
        /// A city: a deprived centre and an affluent suburban ring.
        case city
        /// A market town.
        case town
        /// A seaside town: older residents, a deprived seafront.
        case coastalTown
        /// A university campus: student areas served by one university practice.
        case campus
    }

    var name: String
    /// The locality reported for areas and practices of the settlement.
    var locality: String
    var kind: Kind
    /// Centre, in km from the map's south-west corner.
    var x: Double
    var y: Double
    /// Standard deviation (km) of the scatter of its areas around the centre.
    var spread: Double
    /// Relative share of the consortium's small areas.
    var areaShare: Double
    /// Latent deprivation added at the centre (city and town centres, seafronts).
    var deprivation: Double
}

/// The map of one synthetic consortium: its settlements, countryside and deprivation pattern.
///
/// An area at distance d from a settlement's centre gets latent deprivation
/// offset + Σ effects + N(0, `areaNoise`²), where the effects are:
/// city: deprivation·exp(−d²/(2(0.5s)²)) − suburbAffluence·exp(−(d − 1.4s)²/(2(0.5s)²));
/// town and coastal town: deprivation·exp(−d²/(2s²)) − 0.3·suburbAffluence·exp(−(d − 1.5s)²/(2(0.5s)²));
/// campus: 0.3·exp(−d²/(2s²)); countryside areas: −0.25.
/// (s = the settlement's spread.) Latent deprivation is about standard normal across England.
struct ConsortiumLayout: Sendable {
    var width: Double
    var height: Double
    var settlements: [Settlement]
    /// Share of the areas scattered uniformly over the countryside.
    var ruralShare: Double
    /// Locality name of the countryside.
    var ruralLocality: String
    var deprivationOffset: Double
    var suburbAffluence: Double
    var areaNoise: Double = 0.5

    /// The latent deprivation of a point (without the area's own noise).
    func deprivation(x: Double, y: Double, rural: Bool) -> Double {
        var z = deprivationOffset + (rural ? -0.25 : 0)
        for settlement in settlements {
            let dx = x - settlement.x
            let dy = y - settlement.y
            let squared = dx * dx + dy * dy
            let s = settlement.spread
            if squared > 36 * s * s { continue }
            let d = squared.squareRoot()
            switch settlement.kind {
            case .city:
                z += settlement.deprivation * PortableMath.exp(-squared / (2 * 0.25 * s * s))
                let ring = d - 1.4 * s
                z -= suburbAffluence * PortableMath.exp(-ring * ring / (2 * 0.25 * s * s))
            case .town, .coastalTown:
                z += settlement.deprivation * PortableMath.exp(-squared / (2 * s * s))
                let ring = d - 1.5 * s
                z -= 0.3 * suburbAffluence * PortableMath.exp(-ring * ring / (2 * 0.25 * s * s))
            case .campus:
                z += 0.3 * PortableMath.exp(-squared / (2 * s * s))
            }
        }
        return z
    }
}
