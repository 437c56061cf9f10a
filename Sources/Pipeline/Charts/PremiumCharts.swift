import Premium
import Reports

/// The chart of a premium step: each practice's payment, largest first, with the pot per head
/// the scheme would give at an even share as a reference.
struct PremiumCharts {
    let distribution: PremiumDistribution
    let schemeName: String

    func payments() -> Chart {
        let practices = distribution.practices.sorted { ($0.paymentPence, $1.code) > ($1.paymentPence, $0.code) }
        let bars = practices.enumerated().map { index, practice in
            BarLayer.Bar(x: Double(index), value: Double(practice.paymentPence) / 100,
                         colour: practice.paymentPence == 0 ? Palette.neutral : Palette.bluishGreen,
                         tooltip: "\(practice.code): \(NumberFormat.pounds(decimals: 2).text(Double(practice.paymentPence) / 100))")
        }
        let paid = practices.filter { $0.paymentPence > 0 }.count
        let pounds = NumberFormat.pounds()
        return Chart(
            title: "Quality premium payments by practice",
            subtitle: "\(schemeName): pot \(pounds.text(Double(distribution.pot.potPence) / 100)); \(pounds.text(Double(distribution.distributedPence) / 100)) paid to \(paid) of \(practices.count) practices, \(pounds.text(Double(distribution.returnedPence) / 100)) returned. Payments add up to the amount paid to the penny.",
            footnote: "Sorted from the largest payment; grey: practices that earned nothing.",
            xAxis: ChartAxis(title: "practices, by payment", categories: practices.map(\.code)),
            yAxis: ChartAxis(title: "payment", format: .pounds(), includesZero: true),
            layers: [.bars(BarLayer(bars: bars))],
            legend: [LegendEntry("payment", colour: Palette.bluishGreen, symbol: .bar)])
    }
}
