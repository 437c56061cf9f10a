/// The column names that users of the R package PHEindicatormethods (OHID, formerly Public
/// Health England) give their data frames, so that a data frame written to CSV for it runs here
/// unchanged. The package's functions take the columns by argument; these are the names its
/// documentation, examples and tests use.
///
/// - `phe_proportion(data, x, n)`, `phe_rate(data, x, n)`: `x` events, `n` denominator.
/// - `calculate_dsr(data, x, n, stdpop)`: `stdpop` the standard population of each row's band
///   (with `stdpoptype = "field"`).
/// - `phe_life_expectancy(data, deaths, population, startage)`: `startage` the first age of the
///   band (0, 1, 5, …, 90).
/// - `phe_sii(data, quantile, population, x, value, lower_cl, upper_cl, se)`: `quantile` the
///   deprivation group, 1 the most deprived.
/// - `calculate_ISRatio(data, x, n, x_ref, n_ref)`: reference counts per row.
public enum PHEIndicatorMethodsColumns {
    public static let numerator = KnownColumn("numerator", headers: ["x", "deaths", "obs", "observed"])
    public static let denominator = KnownColumn("denominator", headers: ["n", "population", "pop"])
    public static let standardPopulation = KnownColumn("stdpop", headers: ["standard_population", "esp2013"])
    public static let startAge = KnownColumn("startage", headers: ["start_age"])
    public static let quantile = KnownColumn("quantile", headers: ["decile", "quintile", "imd_decile", "imd_quintile", "deprivation_group", "group"])
    public static let area = KnownColumn("area", headers: ["area_code", "org_code", "areacode"])
    public static let referenceNumerator = KnownColumn("x_ref", headers: ["reference_numerator"])
    public static let referenceDenominator = KnownColumn("n_ref", headers: ["reference_denominator"])
    public static let lowerLimit = KnownColumn("lower_cl", headers: ["lowercl", "lower95_0cl"])
    public static let upperLimit = KnownColumn("upper_cl", headers: ["uppercl", "upper95_0cl"])
    public static let standardError = KnownColumn("se", headers: ["standard_error"])
}
