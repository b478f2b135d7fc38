#pragma once

// A small, fast, deterministic pseudo-random generator: xoshiro256** seeded
// through splitmix64, with the few draws the generator needs. Unlike the
// std:: distributions, its output is the same with every standard library and
// platform, so a seed always produces byte-identical files.

#include <cstdint>
#include <span>

namespace vendorcat::gen {

// One step of splitmix64: advances STATE and returns the next output.
constexpr std::uint64_t splitmix64(std::uint64_t& state)
{
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Independent streams of one seed, so that e.g. a longer spend file leaves the
// providers and engagements unchanged.
enum class Stream : std::uint64_t
{
  providers = 1,
  engagements = 2,
  spend = 3,
  fx = 4,
  names = 5,
};

class Random
{
public:
  // The generator for STREAM of SEED; never fails.
  Random(std::uint64_t seed, Stream stream)
  {
    std::uint64_t mix = seed ^ (static_cast<std::uint64_t>(stream) * 0xd1342543de82ef95ULL);
    for (auto& word : m_state) {
      word = splitmix64(mix);
    }
  }

  // The next 64 uniformly distributed bits.
  std::uint64_t next()
  {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
  }

  // Uniform in [0, BOUND) for BOUND > 0 (the modulo bias, at most BOUND / 2^64,
  // is negligible for the bounds used here); 0 when BOUND is 0.
  std::uint64_t below(std::uint64_t bound) { return bound == 0 ? 0 : next() % bound; }

  // Uniform in [LO, HI] for LO <= HI.
  std::int64_t between(std::int64_t lo, std::int64_t hi)
  {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<std::int64_t>(below(span));
  }

  // True with probability PER_MILLE / 1000.
  bool chance(unsigned per_mille) { return below(1000) < per_mille; }

  // An index into WEIGHTS drawn in proportion to the weights (not all zero).
  std::size_t weighted(std::span<const unsigned> weights)
  {
    std::uint64_t total = 0;
    for (auto w : weights) {
      total += w;
    }
    std::uint64_t draw = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (draw < weights[i]) {
        return i;
      }
      draw -= weights[i];
    }
    return weights.size() - 1;
  }

  // A uniformly chosen element of ITEMS (not empty).
  template<typename T>
  const T& pick(std::span<const T> items)
  {
    return items[static_cast<std::size_t>(below(items.size()))];
  }

private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t m_state[4] = {};
};

} // namespace vendorcat::gen
