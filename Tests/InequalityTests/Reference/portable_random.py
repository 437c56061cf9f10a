"""The project's portable random stream, written independently in Python.

SplitMix64 seeding of xoshiro256** (Blackman and Vigna; stream 0, so the SplitMix64 seed is the
seed itself), uniforms from the top 53 bits, and standard normal deviates by Marsaglia's polar
method using the first of each accepted pair: u = 2U1 - 1, v = 2U2 - 1, s = u^2 + v^2, accept
0 < s < 1, return u * sqrt(-2 ln s / s). This is the engine's Population.SyntheticRandom.normal()
(whose ln is PortableMath.log; math.log here may differ in the last bit, far below the tests'
1e-9 tolerance). Used by the reference scripts to reproduce the engine's seeded simulations draw
for draw.
"""
import math

MASK = (1 << 64) - 1


class SeededRandomSource:
    def __init__(self, seed):
        self._mixer = seed & MASK
        self.state = [self._split_mix() for _ in range(4)]

    def _split_mix(self):
        self._mixer = (self._mixer + 0x9E3779B97F4A7C15) & MASK
        z = self._mixer
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    @staticmethod
    def _rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & MASK

    def next(self):
        s = self.state
        result = (self._rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self._rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53


class StandardNormalSampler:
    def __init__(self, seed):
        self.source = SeededRandomSource(seed)

    def next(self):
        while True:
            u = 2.0 * self.source.uniform() - 1.0
            v = 2.0 * self.source.uniform() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                return u * math.sqrt(-2.0 * math.log(s) / s)

    def block(self, count):
        return [self.next() for _ in range(count)]
