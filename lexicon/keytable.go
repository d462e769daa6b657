package lexicon

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// keyTable is a read-only map from string keys to int32 values, built
// once with the Lexicon. The matcher looks up several clitic-stripped
// readings of a word, and almost all of them miss, so a miss must be
// cheap: a bit filter rules out most misses, and the table is kept at most
// a quarter full with a 32-bit tag of the hash beside each slot, so the
// rest cost one or two tag compares; a string is compared only when its
// tag matches, and nothing calls into the runtime's map code.
type keyTable struct {
	// filter has one bit set for each key, picked by hash bits that
	// neither the slot nor the tag uses: 128 bits or more a key, so it
	// answers a wrong yes rarely, and it is smaller than the slots.
	filter []uint64
	slots  []keySlot // len is a power of two
	keys   []string  // keys[i] is the key of slots[i]
	shift  uint      // 64 - log2(len(slots)): the hash's top bits pick the slot
}

// filterBit returns the word and bit of filter that stand for hash h,
// from the hash's bits 32 and up (the tag has the low 32 bits and the slot
// the top ones).
func (t *keyTable) filterBit(h uint64) (int, uint64) {
	b := h >> 32 & uint64(len(t.filter)*64-1)
	return int(b >> 6), 1 << (b & 63)
}

// keySlot is one slot of a keyTable; tag 0 marks it empty.
type keySlot struct {
	tag uint32
	val int32
}

// newKeyTable builds a table holding m.
func newKeyTable(m map[string]int32) keyTable {
	size := 16
	for size < 4*len(m) {
		size *= 2
	}
	t := keyTable{slots: make([]keySlot, size), keys: make([]string, size), shift: uint(64 - bits.TrailingZeros(uint(size))),
		filter: make([]uint64, size/2)} // 32 bits a slot, 128 a key at most
	for k, v := range m {
		h := hashKey(k)
		f, bit := t.filterBit(h)
		t.filter[f] |= bit
		i := h >> t.shift
		for t.slots[i].tag != 0 {
			i = (i + 1) & uint64(size-1)
		}
		t.slots[i], t.keys[i] = keySlot{tagOf(h), v}, k
	}
	return t
}

// tagOf returns the tag of hash h: its low 32 bits, never 0.
func tagOf(h uint64) uint32 { return uint32(h) | 1 }

// get returns the value of key k.
func (t *keyTable) get(k string) (int32, bool) {
	return t.find(k, hashKey(k))
}

// getIn is get(s[a:b]), hashing the key with hashIn when it can.
func (t *keyTable) getIn(s string, a, b int) (int32, bool) {
	if b < 8 {
		return t.get(s[a:b])
	}
	return t.find(s[a:b], hashIn(s, a, b))
}

// find returns the value of key k, whose hash is h.
func (t *keyTable) find(k string, h uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	if f, bit := t.filterBit(h); t.filter[f]&bit == 0 {
		return 0, false
	}
	tag, mask := tagOf(h), uint64(len(t.slots)-1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.tag == 0 {
			return 0, false
		}
		if s.tag == tag && t.keys[i] == k {
			return s.val, true
		}
	}
}

// getBytes is get for a key held in a byte slice; it does not keep k.
func (t *keyTable) getBytes(k []byte) (int32, bool) {
	return t.get(unsafe.String(unsafe.SliceData(k), len(k)))
}

// Multipliers of hashKey (from wyhash).
const (
	hashK0 = 0xa0761d6478bd642f
	hashK1 = 0xe7037ed1a0b428db
	hashK2 = 0x8ebc6af09c88c6e3
)

// hashKey hashes a key with a few multiplications: words are short (an
// Arabic word of eight letters is 16 bytes), so a general-purpose hash
// would spend more on setup than on the bytes. It reads the key's first
// and last eight bytes (one and the same word, zero-padded, for a key of
// eight bytes or less) and its length, and folds in the bytes between for
// longer keys. hashIn computes the same hash for a key inside a text.
func hashKey(s string) uint64 {
	if len(s) >= 8 {
		return finishHash(s, load64(s, 0), load64(s, len(s)-8))
	}
	h := head8(s)
	return finishHash(s, h, h)
}

// hashIn returns hashKey(s[a:b]) for b >= 8. It reads both words from s
// around the key, so that its length decides only shift counts and no
// branch: the matcher hashes several readings of every word.
func hashIn(s string, a, b int) uint64 {
	shift := uint(8 * (8 - min(b-a, 8))) // Go shifts by 64 give 0
	return finishHash(s[a:b], load64(s, min(a, b-8))>>shift, load64(s, b-8)>>shift)
}

// finishHash mixes the first and last words of key with its length and
// the words between them.
func finishHash(key string, first, last uint64) uint64 {
	for i := 8; i < len(key)-8; i += 8 {
		first = mix64(first^hashK1, load64(key, i)^hashK2)
	}
	return mix64(first^hashK0^uint64(len(key)), last^hashK1)
}

// mix64 multiplies a and b to 128 bits and folds the halves together.
func mix64(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// load64 reads 8 bytes of s at i, little-endian; i+8 <= len(s).
func load64(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
}

// load32 reads 4 bytes of s at i, little-endian; i+4 <= len(s).
func load32(s string, i int) uint32 {
	return binary.LittleEndian.Uint32(unsafe.Slice(unsafe.StringData(s[i:]), 4))
}

// bloom is a set of hashes that may answer yes for a hash it does not
// hold, but never no for one it does: three bits a hash, all in one 64-bit
// word, so a look-up reads one word. At 16 bits a hash it answers a wrong
// yes about once in a hundred, and stays small enough for the L1 cache.
type bloom struct {
	words []uint64 // len is a power of two
	shift uint     // 64 - log2(len(words)): the hash's top bits pick the word
}

// newBloom returns an empty bloom sized for n hashes.
func newBloom(n int) bloom {
	size := 64
	for size*64 < 16*n {
		size *= 2
	}
	return bloom{words: make([]uint64, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// bits returns the word and the three bits of hash h.
func (b *bloom) bits(h uint64) (int, uint64) {
	return int(h >> b.shift), 1<<(h&63) | 1<<(h>>6&63) | 1<<(h>>12&63)
}

func (b *bloom) add(h uint64) {
	w, m := b.bits(h)
	b.words[w] |= m
}

// has reports whether h may be in the set.
func (b *bloom) has(h uint64) bool {
	w, m := b.bits(h)
	return b.words[w]&m == m
}
