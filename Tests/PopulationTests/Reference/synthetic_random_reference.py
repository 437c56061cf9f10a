"""Independent reference values for Tests/PopulationTests/SyntheticRandomTests.swift.

SplitMix64 (Steele, Lea, Flood 2014) and xoshiro256** (Blackman, Vigna 2021) written from their
published definitions with Python integers, and the seeding rule of SyntheticRandom
(SplitMix64 of seed xor stream * 0xD1B54A32D192ED03). Run: python3 synthetic_random_reference.py
"""
MASK = (1 << 64) - 1


def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro(seed, stream=0):
    expander = splitmix64(seed ^ ((stream * 0xD1B54A32D192ED03) & MASK))
    s = [next(expander) for _ in range(4)]
    while True:
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result


if __name__ == "__main__":
    g = splitmix64(1234567)
    print("splitmix64(1234567):", [next(g) for _ in range(3)])
    g = xoshiro(1)
    print("xoshiro seed 1 stream 0:", [next(g) for _ in range(3)])
    g = xoshiro(42, 7)
    print("xoshiro seed 42 stream 7:", [next(g) for _ in range(2)])
    g = xoshiro(1)
    print("unit seed 1:", [(next(g) >> 11) * 2.0 ** -53 for _ in range(2)])
