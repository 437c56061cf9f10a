// The C interfaces to BLAS and LAPACK used by the Linear module:
// CBLAS from Debian's libopenblas-dev and LAPACKE from liblapacke-dev.
#ifndef CONSORTIUM_CLAPACK_SHIM_H
#define CONSORTIUM_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
