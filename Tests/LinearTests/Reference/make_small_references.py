#!/usr/bin/env python3
"""Reference values for the small weighted-regression tests (RobustCovarianceTests.swift and
LeastSquaresTests.swift), computed with statsmodels, whose WLS and HC1 code is independent of the
Linear module.

Data (6 observations): intercept, x, z; response y; weights w. Prints repr values (full precision).
statsmodels conventions used: WLS R-squared is centred on the weighted mean when the model has a
constant; HC1 for WLS is the sandwich of the whitened rows sqrt(w)*x and sqrt(w)*e times n/(n - p).

Usage: python3 make_small_references.py
"""
import numpy as np
import statsmodels.api as sm

x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
z = np.array([2.0, 1.0, 4.0, 3.0, 6.0, 5.0])
y = np.array([1.0, 2.5, 2.0, 4.5, 4.0, 6.5])
w = np.array([1.0, 2.0, 1.0, 3.0, 2.0, 1.0])
X = np.column_stack([np.ones_like(x), x, z])

wls = sm.WLS(y, X, weights=w).fit()
robust = sm.WLS(y, X, weights=w).fit(cov_type="HC1")
print("weighted fit, columns (Intercept), x, z")
print("coefficients", [repr(float(v)) for v in wls.params])
print("standard errors", [repr(float(v)) for v in wls.bse])
print("HC1 standard errors", [repr(float(v)) for v in robust.bse])
print("HC1 covariance (Intercept, x)", repr(float(robust.cov_params()[0, 1])))
print("residual variance", repr(float(wls.scale)))
print("R-squared", repr(float(wls.rsquared)), "adjusted", repr(float(wls.rsquared_adj)))

through_origin = sm.OLS(y, np.column_stack([x, z])).fit()
print("ordinary fit without intercept, columns x, z")
print("coefficients", [repr(float(v)) for v in through_origin.params])
print("standard errors", [repr(float(v)) for v in through_origin.bse])
print("uncentred R-squared", repr(float(through_origin.rsquared)), "adjusted", repr(float(through_origin.rsquared_adj)))
