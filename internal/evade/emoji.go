package evade

import (
	"math/rand/v2"
	"strings"
)

// emojis are those seen in smuggling and visa posts: travel, borders,
// money, contact, and the flags of the route. Variation selectors are
// written out so that the list shows what it holds.
var emojis = [...]string{
	"🔥", "✈\ufe0f", "💯", "👇", "✅", "📞", "📲", "💰", "💶", "💵",
	"🚗", "🚶", "🌲", "🌍", "🛂", "📍", "⭐", "⚡", "👍", "❤\ufe0f",
	"🇩🇪", "🇵🇱", "🇱🇹", "🇧🇾", "🇪🇺",
}

// writeEmojis writes a space and one to three emojis, sometimes one emoji
// repeated (🔥🔥🔥).
func writeEmojis(b *strings.Builder, rng *rand.Rand) {
	b.WriteByte(' ')
	n := 1 + rng.IntN(3)
	if rng.IntN(3) == 0 {
		b.WriteString(strings.Repeat(emojis[rng.IntN(len(emojis))], n))
		return
	}
	for range n {
		b.WriteString(emojis[rng.IntN(len(emojis))])
	}
}
