// Allocation module: see the design's module map. Files are added per concept.
import TOMLKit
