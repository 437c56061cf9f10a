import Testing
import Tables
@testable import Benchmarking

/// Peer groups against Reference/benchmarking_reference.py ("peers"): 30 organisations × 4
/// features drawn with seed 20250901, P07 a copy of P03. Mahalanobis distances there come from
/// scipy.spatial.distance.cdist(raw features, "mahalanobis", VI = inv(cov)) — without the
/// standardisation and Cholesky whitening used here — and Euclidean distances from cdist on
/// z-scores (ddof = 1); the 5 nearest are sorted by (distance, code).
@Suite struct PeerGroupsTests {
    static let rows: [(code: String, values: [Double])] = [
        ("P00", [6089.608179170746, 0.15941944621379556, 37.954805444565515, 0.2891180851566956]),
        ("P01", [10217.675334394487, 0.2152354231464914, 35.57644691818966, 0.4853506705778819]),
        ("P02", [3999.8393652424024, 0.153183601013708, 34.52612771797294, 0.1783914813231256]),
        ("P03", [4431.4655830608035, 0.14118044745305694, 18.651313375693043, -0.08546180656634317]),
        ("P04", [8873.934830693117, 0.21249356492627436, 25.104975571222813, 0.46161432466098684]),
        ("P05", [11404.15977411202, 0.16347029460275414, 9.17042392199064, 0.4758603152106271]),
        ("P06", [5508.155303222027, 0.19983693075321257, 37.92642502403422, 0.24236712347868838]),
        ("P07", [4431.4655830608035, 0.14118044745305694, 18.651313375693043, -0.08546180656634317]),
        ("P08", [12527.75286149709, 0.2044096563385674, 36.28435195214088, 0.3420252666393376]),
        ("P09", [7576.0582362863215, 0.1577645255022597, 28.414086373862194, 0.19052406201575567]),
        ("P10", [8830.768963530418, 0.2306843601798344, 26.789539375287166, 0.34458967437116444]),
        ("P11", [7404.0035174440245, 0.20995490910196193, 35.771491712924245, 0.7641832014765353]),
        ("P12", [11489.076867367314, 0.23288199182249048, 33.92092816486126, 0.34202233415274164]),
        ("P13", [1600.5717871813586, 0.18403981768822278, 18.52254814613662, 0.34116672130058484]),
        ("P14", [10514.425953189451, 0.1250123071680776, 25.391934953430273, 0.26609180930031956]),
        ("P15", [13433.999427137354, 0.1406729666970454, 18.895745886744876, 0.4323459996460927]),
        ("P16", [6575.072053294598, 0.17075913550020122, 38.2298063345706, 0.4443129982185246]),
        ("P17", [8101.807094583002, 0.23368486608651398, 17.71017958409746, 0.41996452182285815]),
        ("P18", [8861.776923383788, 0.18439316962701632, 21.742910201561802, 0.44258408001208804]),
        ("P19", [9864.577178443524, 0.17940852867051113, 16.532941851131227, 0.3280036256646727]),
        ("P20", [9049.410342121751, 0.21273595168278292, 29.818620939492558, 0.29642612147093517]),
        ("P21", [9066.193561574213, 0.13333986759275243, 29.332566542287434, -0.012085503003968878]),
        ("P22", [10589.82623095919, 0.24083098797791652, 31.48009060327219, 0.5042994406776673]),
        ("P23", [5735.28685965933, 0.16323195862632328, 16.85770613152237, 0.16542178081367107]),
        ("P24", [4183.677362749246, 0.183637805471296, 28.621199087272405, 0.5607538847193303]),
        ("P25", [5833.583058075917, 0.16801084366981708, 28.501655030817595, -0.2626082584032455]),
        ("P26", [10287.406123057342, 0.19153683574444638, 32.44592066745959, 0.5201192708760003]),
        ("P27", [8375.37071245223, 0.18230678108058165, 31.10154641785394, 0.38609972964169126]),
        ("P28", [11563.160236966818, 0.18475574869680383, 19.940388610264876, 0.40766595669612116]),
        ("P29", [7389.454833669838, 0.16104650330458553, 29.78709128278286, -0.06082950159849104]),
    ]

    static let nearestFive: [(metric: PeerMetric, code: String, peers: [(String, Double)])] = [
        (.mahalanobis, "P00", [("P16", 0.7018739276709847), ("P02", 0.9092853120026334), ("P27", 1.4270608545853913), ("P09", 1.4806419568369913), ("P06", 1.7027849667280526)]),
        (.mahalanobis, "P03", [("P07", 0.0), ("P23", 1.196896090465196), ("P29", 1.8757085300854779), ("P09", 1.8966532975706745), ("P25", 2.1762007588468286)]),
        (.mahalanobis, "P07", [("P03", 0.0), ("P23", 1.196896090465196), ("P29", 1.8757085300854779), ("P09", 1.8966532975706745), ("P25", 2.1762007588468286)]),
        (.mahalanobis, "P12", [("P22", 1.0648564566286067), ("P20", 1.12908601739302), ("P08", 1.2986610105693797), ("P10", 1.4397939863841287), ("P01", 1.4518589854379895)]),
        (.mahalanobis, "P23", [("P03", 1.196896090465196), ("P07", 1.196896090465196), ("P19", 1.4616820329018805), ("P18", 1.5192705284139933), ("P09", 1.8084122476249604)]),
        (.euclidean, "P00", [("P16", 0.796887258647035), ("P02", 1.004261922613355), ("P06", 1.293464984736053), ("P09", 1.3969388772219469), ("P27", 1.4499530193562058)]),
        (.euclidean, "P03", [("P07", 0.0), ("P23", 1.409802879890757), ("P25", 1.7743446155712057), ("P29", 1.868018248029066), ("P09", 2.133144302790339)]),
        (.euclidean, "P07", [("P03", 0.0), ("P23", 1.409802879890757), ("P25", 1.7743446155712057), ("P29", 1.868018248029066), ("P09", 2.133144302790339)]),
        (.euclidean, "P12", [("P22", 0.8844978123695474), ("P01", 0.9770839655137826), ("P08", 1.0056320395863851), ("P20", 1.1996709331984328), ("P10", 1.3036428705102336)]),
        (.euclidean, "P23", [("P03", 1.409802879890757), ("P07", 1.409802879890757), ("P09", 1.623138232759948), ("P19", 1.6942666071057393), ("P13", 1.7817880698394293)]),
    ]

    static func features(shuffled: Bool = false) -> PeerFeatures {
        var order = Array(rows.indices)
        if shuffled { order = order.map { ($0 * 7) % rows.count } }
        return PeerFeatures(organisationCodes: order.map { rows[$0].code }, featureNames: ["list_size", "over_65", "imd_score", "rurality"],
                            columns: (0..<4).map { feature in order.map { rows[$0].values[feature] } })
    }

    @Test(arguments: [PeerMetric.mahalanobis, PeerMetric.euclidean])
    func nearestPeersAndDistancesMatchScipy(metric: PeerMetric) throws {
        let peers = try PeerGroups.nearest(features: Self.features(), metric: metric, count: 5)
        #expect(peers.count == 30 * 5)
        for expected in Self.nearestFive where expected.metric == metric {
            let found = peers.filter { $0.organisationCode == expected.code }
            #expect(found.map(\.peerCode) == expected.peers.map(\.0), "\(metric) \(expected.code)")
            #expect(found.map(\.rank) == [1, 2, 3, 4, 5])
            for (peer, reference) in zip(found, expected.peers) {
                expectClose(peer.distance, reference.1, "\(metric) \(expected.code) → \(reference.0)")
            }
        }
    }

    @Test func equalDistancesAreBrokenByCode() throws {
        // P03 and P07 have identical features, so they are at exactly the same distance from P23:
        // P03 comes first by code, whichever order the file lists them in.
        for shuffled in [false, true] {
            let peers = try PeerGroups.nearest(features: Self.features(shuffled: shuffled), metric: .mahalanobis, count: 2)
            let ofP23 = peers.filter { $0.organisationCode == "P23" }
            #expect(ofP23.map(\.peerCode) == ["P03", "P07"])
            #expect(ofP23[0].distance == ofP23[1].distance)
        }
    }

    @Test func theResultDoesNotDependOnInputOrder() throws {
        let inOrder = try PeerGroups.nearest(features: Self.features(), metric: .mahalanobis, count: 15)
        let shuffled = try PeerGroups.nearest(features: Self.features(shuffled: true), metric: .mahalanobis, count: 15)
        #expect(inOrder.count == shuffled.count)
        #expect(zip(inOrder, shuffled).filter { $0 != $1 }.isEmpty)
        // Organisations come out in code order.
        #expect(inOrder.first?.organisationCode == "P00")
        #expect(inOrder.last?.organisationCode == "P29")
    }

    @Test func aConstantFeatureIsAnErrorNamingIt() {
        let features = PeerFeatures(organisationCodes: ["A", "B", "C"], featureNames: ["size", "flat"], columns: [[1, 2, 4], [5, 5, 5]], source: "features.csv")
        #expect {
            _ = try PeerGroups.nearest(features: features, metric: .euclidean, count: 1)
        } throws: { error in
            guard let error = error as? DataError else { return false }
            return error.location.file == "features.csv" && error.location.columnName == "flat" && error.message.contains("same value 5")
        }
    }

    @Test func collinearFeaturesAreAnErrorForMahalanobisOnly() throws {
        // "double" is exactly 2 × "size": the correlation matrix is singular.
        let features = PeerFeatures(organisationCodes: ["A", "B", "C", "D"], featureNames: ["size", "double"], columns: [[1, 2, 4, 8], [2, 4, 8, 16]],
                                    source: "features.csv")
        #expect {
            _ = try PeerGroups.nearest(features: features, metric: .mahalanobis, count: 1)
        } throws: { error in
            guard let error = error as? DataError else { return false }
            return error.location.columnName == "double" && error.message.contains("linear combination of size")
        }
        let euclidean = try PeerGroups.nearest(features: features, metric: .euclidean, count: 1)
        #expect(euclidean.map(\.peerCode) == ["B", "A", "B", "C"])
    }

    @Test func askingForMorePeersThanOrganisationsIsAnError() {
        let features = PeerFeatures(organisationCodes: ["A", "B", "C"], featureNames: ["size"], columns: [[1, 2, 4]])
        #expect(throws: DataError.self) {
            _ = try PeerGroups.nearest(features: features, metric: .euclidean, count: 3)
        }
    }

    @Test func oneFeatureGivesAbsoluteDifferencesOfZScores() throws {
        // Hand calculation: values 1, 2, 4 have mean 7/3 and sd √(7/3); |1 − 2|/√(7/3) = 0.6547 is
        // A's distance to B, and B's nearest is A (1 < 2).
        let features = PeerFeatures(organisationCodes: ["A", "B", "C"], featureNames: ["size"], columns: [[1, 2, 4]])
        for metric in PeerMetric.allCases {
            let peers = try PeerGroups.nearest(features: features, metric: metric, count: 1)
            #expect(peers.map(\.peerCode) == ["B", "A", "B"])
            expectClose(peers[0].distance, 1 / (7.0 / 3).squareRoot(), relative: 1e-14)
        }
    }

    @Test func featuresAreReadFromATable() throws {
        let csv = "practice_code,practice_name,list_size,imd_score\nB2,Two,100,10.5\nA1,One,250,30\n"
        let header = try TableReader(bytes: Array(csv.utf8), name: "f.csv", schema: Schema([ColumnSpec("practice_code")])).header
        let names = PeerFeatures.defaultFeatureNames(header: header)
        #expect(names == ["list_size", "imd_score"])
        let table = try TableReader.read(bytes: Array(csv.utf8), name: "f.csv", schema: PeerFeatures.schema(featureNames: names))
        let features = try PeerFeatures(table: table, featureNames: names)
        #expect(features.organisationCodes == ["B2", "A1"])
        #expect(features.columns == [[100, 250], [10.5, 30]])
        #expect(features.featureLocations[1].description == "f.csv:1:4: imd_score")
    }

    @Test func aDuplicateOrganisationInTheFeaturesIsAnError() throws {
        let csv = "org_code,x\nA,1\nB,2\nA,3\n"
        let table = try TableReader.read(bytes: Array(csv.utf8), name: "f.csv", schema: PeerFeatures.schema(featureNames: ["x"]))
        #expect {
            _ = try PeerFeatures(table: table, featureNames: ["x"])
        } throws: { error in
            (error as? DataError)?.description == "f.csv:4:1: org_code: the organisation \"A\" appears twice (also line 2)"
        }
    }
}
