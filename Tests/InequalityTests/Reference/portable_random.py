"""The project's portable random stream, written independently in Python.

SplitMix64 seeding of xoshiro256** (Blackman and Vigna), uniforms from the top 53 bits, and
standard normal deviates by Box-Muller in the order z1 = r cos(2 pi u2), z2 = r sin(2 pi u2) with
r = sqrt(-2 ln(1 - u1)). Used by the reference scripts to reproduce the engine's seeded
simulations draw for draw.
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
        self.pending = None

    def next(self):
        if self.pending is not None:
            value, self.pending = self.pending, None
            return value
        u1 = self.source.uniform()
        u2 = self.source.uniform()
        radius = math.sqrt(-2.0 * math.log(1.0 - u1))
        angle = 2.0 * math.pi * u2
        self.pending = radius * math.sin(angle)
        return radius * math.cos(angle)

    def block(self, count):
        return [self.next() for _ in range(count)]
