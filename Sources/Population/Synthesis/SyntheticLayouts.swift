/// The maps of synthetic consortia: the fixed county of Exampleshire, and randomly drawn
/// consortia for the England scale.
enum SyntheticLayouts {
    /// Exampleshire (40 km × 30 km): the city of Exampleton with a deprived centre, affluent
    /// suburbs and a university campus; two seaside towns on the east coast (Saltmouth,
    /// Brinecliff); two market towns; and the farmland of the Fenwold in the west.
    static let exampleshire = ConsortiumLayout(
        width: 40, height: 30,
        settlements: [
            Settlement(name: "Exampleton", locality: "Exampleton", kind: .city, x: 16, y: 15, spread: 3.2, areaShare: 0.50, deprivation: 2.4),
            Settlement(name: "Exampleton University", locality: "Exampleton", kind: .campus, x: 17.5, y: 13.5, spread: 0.5, areaShare: 0.017, deprivation: 0),
            Settlement(name: "Saltmouth", locality: "Saltmouth", kind: .coastalTown, x: 37, y: 8, spread: 1.6, areaShare: 0.12, deprivation: 1.1),
            Settlement(name: "Brinecliff", locality: "Brinecliff", kind: .coastalTown, x: 38, y: 23, spread: 1.3, areaShare: 0.08, deprivation: 0.3),
            Settlement(name: "Market Ashby", locality: "Market Ashby", kind: .town, x: 27, y: 25, spread: 1.4, areaShare: 0.08, deprivation: 0.2),
            Settlement(name: "Oakley Green", locality: "Oakley Green", kind: .town, x: 25, y: 5, spread: 1.2, areaShare: 0.06, deprivation: -0.1),
        ],
        ruralShare: 0.093, ruralLocality: "Fenwold", deprivationOffset: 0, suburbAffluence: 1.2, areaNoise: 0.65)

    static let firstSyllables = [
        "Ash", "Brad", "Brom", "Cal", "Dun", "Elm", "Fen", "Gar", "Hal", "Ken", "Lang", "Mar", "Nor", "Ox", "Pen", "Ros", "Sal",
        "Thorn", "Wick", "Wes", "Ald", "Bex", "Cor", "Dar", "Eas", "Frid", "Glen", "Hart", "Ing", "Lyn", "Mel", "Ned",
    ]
    static let lastSyllables = ["ford", "ton", "ley", "bury", "ham", "wick", "field", "borough", "by", "stead", "well", "worth"]

    /// A place name from two syllables.
    static func placeName(_ random: inout SyntheticRandom) -> String {
        firstSyllables[random.nextInt(below: firstSyllables.count)] + lastSyllables[random.nextInt(below: lastSyllables.count)]
    }

    /// A random consortium map for the England scale with `areaCount` small areas.
    ///
    /// London consortia are one dense city with three district centres and no countryside;
    /// elsewhere a city (probability 0.75) with a university campus (0.45 when there is a city),
    /// two to five market towns, a seaside town (0.35; 0.05 in the Midlands) and 8–35%
    /// countryside. `deprivationOffset` is the region's offset plus N(0, 0.45²) for the consortium.
    static func england(region: Int, areaCount: Int, deprivationOffset: Double, random: inout SyntheticRandom) -> ConsortiumLayout {
        let isLondon = region == 0
        let side = (Double(areaCount).squareRoot() * (isLondon ? 0.5 : 1.0)).rounded() + 4
        func point(margin: Double) -> (Double, Double) {
            (margin + (side - 2 * margin) * random.nextUnit(), margin + (side - 2 * margin) * random.nextUnit())
        }
        var settlements: [Settlement] = []
        let offset = deprivationOffset + 0.45 * random.normal()
        let affluence = 0.5 + 0.5 * random.nextUnit()
        if isLondon {
            let name = placeName(&random)
            settlements.append(Settlement(name: name, locality: name, kind: .city, x: side / 2, y: side / 2, spread: side / 4,
                                          areaShare: 0.7, deprivation: 0.4 + 0.6 * random.nextUnit()))
            for _ in 0..<3 {
                let (x, y) = point(margin: side / 6)
                let district = placeName(&random)
                settlements.append(Settlement(name: district, locality: district, kind: .town, x: x, y: y, spread: side / 10,
                                              areaShare: 0.09, deprivation: 0.2 + 0.4 * random.nextUnit()))
            }
            if random.nextUnit() < 0.6 {
                settlements.append(Settlement(name: "\(name) University", locality: name, kind: .campus, x: side / 2 + 1, y: side / 2 - 1,
                                              spread: 0.4, areaShare: 0.012, deprivation: 0))
            }
            return ConsortiumLayout(width: side, height: side, settlements: settlements, ruralShare: 0, ruralLocality: name,
                                    deprivationOffset: offset, suburbAffluence: affluence)
        }
        if random.nextUnit() < 0.75 {
            let (x, y) = point(margin: side / 4)
            let name = placeName(&random)
            settlements.append(Settlement(name: name, locality: name, kind: .city, x: x, y: y, spread: side / 6,
                                          areaShare: 0.45, deprivation: 1.0 + 0.8 * random.nextUnit()))
            if random.nextUnit() < 0.45 {
                settlements.append(Settlement(name: "\(name) University", locality: name, kind: .campus, x: x + 1, y: y - 1,
                                              spread: 0.5, areaShare: 0.012, deprivation: 0))
            }
        }
        for _ in 0..<(2 + random.nextInt(below: 4)) {
            let (x, y) = point(margin: side / 10)
            let name = placeName(&random)
            settlements.append(Settlement(name: name, locality: name, kind: .town, x: x, y: y, spread: side / 14,
                                          areaShare: 0.08, deprivation: 0.1 + 0.5 * random.nextUnit()))
        }
        if random.nextUnit() < (region == 3 ? 0.05 : 0.35) {
            let y = side * (0.15 + 0.7 * random.nextUnit())
            let name = placeName(&random) + "-on-Sea"
            settlements.append(Settlement(name: name, locality: name, kind: .coastalTown, x: side - 1, y: y, spread: side / 12,
                                          areaShare: 0.12, deprivation: 0.3 + 0.6 * random.nextUnit()))
        }
        return ConsortiumLayout(width: side, height: side, settlements: settlements, ruralShare: 0.08 + 0.27 * random.nextUnit(),
                                ruralLocality: placeName(&random) + " Rural", deprivationOffset: offset, suburbAffluence: affluence)
    }
}
