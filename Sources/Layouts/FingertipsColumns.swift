/// The columns of OHID Fingertips data exports (formerly Public Health England's), under the
/// engine's names, with every header Fingertips has used for them.
///
/// Fingertips publishes one long layout in several spellings: the *Download data* CSV of the web
/// tool and the API's `all_data/csv` endpoints (`Indicator ID`, `Area Code`, `Time period`,
/// `Lower CI 95.0 limit`, …), the same headers with the spaces taken out by the R package
/// fingertipsR (`IndicatorID`, `AreaCode`, `Timeperiod`, `LowerCI95.0limit`), and a compact
/// layout of the API's `latest_data`/`data` files (`IndicatorID`, `Year`, `AreaCode`,
/// `AreaName`, `IsAreaCurrent`, `Value`). Headers are matched by `headerKey`, so the spellings
/// without spaces need no alias of their own.
public enum FingertipsColumns {
    // Identity: what a row is about. Two rows with the same identity describe the same thing.
    public static let indicatorID = KnownColumn("indicator_id", headers: ["Indicator ID"])
    public static let orgCode = KnownColumn("org_code", headers: ["Area Code"])
    public static let areaType = KnownColumn("area_type", headers: ["Area Type"])
    public static let sex = KnownColumn("sex", headers: ["Sex"])
    /// As published (`15+ yrs`, `All ages`, `<75 yrs`, `65+ yrs`): the age group of the indicator,
    /// not an age band of a standard population.
    public static let age = KnownColumn("age_band", headers: ["Age"])
    /// The kind of breakdown (`County & UA deprivation deciles in England (IMD2019, 4/21 geog.)`,
    /// `Ethnic groups`); empty for the all-persons rows.
    public static let categoryType = KnownColumn("category_type", headers: ["Category Type"])
    /// The breakdown's value (`Most deprived decile (IMD2019)`); written as `group`.
    public static let category = KnownColumn("group", headers: ["Category"])
    public static let period = KnownColumn("period", headers: ["Time period", "Year"])

    // Descriptions that follow from the identity.
    public static let indicatorName = KnownColumn("indicator_name", headers: ["Indicator Name"])
    public static let areaName = KnownColumn("area_name", headers: ["Area Name"])
    /// The parent area the row was exported under; England's row repeats under every parent.
    public static let parentCode = KnownColumn("parent_code", headers: ["Parent Code"])
    public static let parentName = KnownColumn("parent_name", headers: ["Parent Name"])
    public static let periodSortable = KnownColumn("period_sortable", headers: ["Time period Sortable"])
    public static let isAreaCurrent = KnownColumn("is_area_current", headers: ["IsAreaCurrent"])

    // Figures.
    public static let count = KnownColumn("numerator", headers: ["Count"])
    public static let denominator = KnownColumn("denominator", headers: ["Denominator"])
    public static let value = KnownColumn("value", headers: ["Value"])
    public static let lower95 = KnownColumn("published_lower95", headers: ["Lower CI 95.0 limit", "Lower CI 95 limit", "Lower 95% CI"])
    public static let upper95 = KnownColumn("published_upper95", headers: ["Upper CI 95.0 limit", "Upper CI 95 limit", "Upper 95% CI"])
    public static let lower998 = KnownColumn("published_lower998", headers: ["Lower CI 99.8 limit", "Lower 99.8% CI"])
    public static let upper998 = KnownColumn("published_upper998", headers: ["Upper CI 99.8 limit", "Upper 99.8% CI"])
    /// Why a value is missing or how it was made (`Value cannot be calculated as number of cases
    /// is too small`, `Aggregated from all known lower geography values`).
    public static let valueNote = KnownColumn("value_note", headers: ["Value note"])
    public static let recentTrend = KnownColumn("recent_trend", headers: ["Recent Trend"])
    public static let comparedToEngland = KnownColumn("compared_to_england", headers: ["Compared to England value or percentiles"])

    /// The identity columns, in the order the engine writes them.
    public static let identity: [KnownColumn] = [indicatorID, orgCode, areaType, period, sex, age, categoryType, category]

    /// The figures two rows of the same identity must share to be one row.
    public static let figures: [KnownColumn] = [count, denominator, value, lower95, upper95, lower998, upper998]

    /// A Fingertips export: the long layout in either spelling, or the compact one (which has
    /// `Year` for `Time period` and a `Value` but no counts).
    public static let export = FileLayout(
        id: "fingertips", name: "an OHID Fingertips export",
        identifying: [[indicatorID], [orgCode], [period], [count, value]], documentation: "docs/layouts/indicators.md")

}
