"""SHA-256 digests of messages whose lengths straddle the padding boundaries (55, 56, 63, 64,
65, 119, 120 bytes of 'a') and of every byte value 0..255, by Python's hashlib (OpenSSL), an
implementation independent of Reports.SHA256. Prints Swift literals for SHA256Tests.swift."""
import hashlib

for n in (55, 56, 63, 64, 65, 119, 120):
    print(f'({n}, "{hashlib.sha256(b"a" * n).hexdigest()}"),')
print('allBytes:', hashlib.sha256(bytes(range(256))).hexdigest())
