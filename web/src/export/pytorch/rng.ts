// The engine's random numbers in Python: PCG32 (core/include/nnp/rng.h) with its uniform, below,
// normal and the standard jump-ahead, so the script draws the page's data, split, batch order,
// dropout masks, augmentation and initial weights number for number.

/** The stream constants of the engine's generators (core/src/train/learner.cpp, ensemble.cpp,
 *  augmentation.cpp): one PCG32 stream per purpose, all seeded from the scene's seed. */
export const RNG_SECTION = `# %%
# ---- The engine's random numbers --------------------------------------------------------------
# torch's own generator cannot replay the page's draws, so the data, the split, the batch order,
# the dropout masks, the augmentation and the initial weights come from the engine's PCG32
# (core/include/nnp/rng.h), written out here.
MASK64 = (1 << 64) - 1
DATA_STREAM = 0x5851F42D4C957F2D  # the data, the split and member 0's batch order
INIT_STREAM = 0x2545F4914F6CDD1D  # initial weights (one per ensemble member)
DROPOUT_STREAM = 0x9E3779B97F4A7C15  # dropout masks (one per member)
ORDER_STREAM = 0xDA3E39CB94B95BDB  # the batch order of ensemble members 1, 2, …
AUGMENT_STREAM = 0x4F1BBCDCBFA53E0B  # jitter and mixup
GOLDEN_GAMMA = 0x9E3779B97F4A7C15  # member m's seed: SEED + m * GOLDEN_GAMMA


class Pcg32:
    """PCG32 (XSH-RR 64/32) with the engine's uniform, below and normal."""

    def __init__(self, seed, stream=DATA_STREAM):
        self.inc = ((stream << 1) | 1) & MASK64
        self.state = 0
        self.next_u32()
        self.state = (self.state + seed) & MASK64
        self.next_u32()
        self.spare = None

    def next_u32(self):
        old = self.state
        self.state = (old * 6364136223846793005 + self.inc) & MASK64
        xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rot = old >> 59
        return ((xorshifted >> rot) | (xorshifted << ((32 - rot) & 31))) & 0xFFFFFFFF

    def advance(self, delta):
        """Skips delta draws of next_u32 (PCG's jump-ahead)."""
        acc_mult, acc_plus = 1, 0
        cur_mult, cur_plus = 6364136223846793005, self.inc
        while delta > 0:
            if delta & 1:
                acc_mult = (acc_mult * cur_mult) & MASK64
                acc_plus = (acc_plus * cur_mult + cur_plus) & MASK64
            cur_plus = ((cur_mult + 1) * cur_plus) & MASK64
            cur_mult = (cur_mult * cur_mult) & MASK64
            delta >>= 1
        self.state = (acc_mult * self.state + acc_plus) & MASK64

    def uniform(self, lo=0.0, hi=1.0):
        """Uniform in [lo, hi) from 53 random bits."""
        high = self.next_u32() >> 5
        low = self.next_u32() >> 6
        return lo + (hi - lo) * (((high << 26) | low) * (1.0 / 9007199254740992.0))

    def below(self, n):
        """An unbiased integer in [0, n), by rejection."""
        threshold = ((1 << 32) - n) % n
        while True:
            r = self.next_u32()
            if r >= threshold:
                return r % n

    def normal(self, mean=0.0, std=1.0):
        """Box-Muller, both values used."""
        if self.spare is not None:
            z, self.spare = self.spare, None
            return mean + std * z
        u1 = 0.0
        while u1 <= 0.0:
            u1 = self.uniform()
        u2 = self.uniform()
        r = math.sqrt(-2.0 * math.log(u1))
        theta = 6.283185307179586 * u2
        self.spare = r * math.sin(theta)
        return mean + std * (r * math.cos(theta))

    def copy(self):
        twin = Pcg32(0)
        twin.inc, twin.state, twin.spare = self.inc, self.state, self.spare
        return twin

`;
