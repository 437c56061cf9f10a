import Foundation

/// Confidence-interval methods of the public-health methods specification (design/methods.md).
/// Each method is a static function returning an ``Interval``; the sources are named on each.
public enum ConfidenceInterval {}
