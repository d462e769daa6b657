package lexicon

// A reading of a word is the word itself, or the word without a
// proclitic, so all of a word's readings end where it ends. Those matchAt
// accepts are the whole word or have at least minStripped letters after
// the proclitic. So for a word of two-byte letters:
//
//   - of three letters, every reading matchAt accepts is the word itself,
//     and ends with its three letters;
//   - of four or more, every one ends with its last four letters, or is
//     three letters long and follows the last letter of a proclitic.
//
// A tailSet records those endings of every reading in Lexicon.readings,
// and collectWords asks it about each word before mayMatch hashes the
// word's readings one by one: most words of a post end in a way no entry
// does, and one look-up rules them out.
type tailSet struct {
	three, four [1 << tailBits / 64]uint64
}

const tailBits = 16

// tailBit returns the bit of v, the last letters of a word read
// little-endian.
func tailBit(v uint64) uint64 { return (v * hashK0) >> (64 - tailBits) }

func setBit(b *[1 << tailBits / 64]uint64, v uint64) {
	t := tailBit(v)
	b[t/64] |= 1 << (t % 64)
}

func hasBit(b *[1 << tailBits / 64]uint64, v uint64) bool {
	t := tailBit(v)
	return b[t/64]&(1<<(t%64)) != 0
}

// add records the endings of reading r, a string of the index or an index
// stem with a suffix.
func (t *tailSet) add(r string) {
	switch {
	case len(r) >= 8:
		setBit(&t.four, load64(r, len(r)-8))
		setBit(&t.three, load64(r, len(r)-8)>>16)
	case len(r) == 6:
		v := uint64(load32(r, 2))<<16 | uint64(r[1])<<8 | uint64(r[0])
		setBit(&t.three, v)
		// After a proclitic, whose last letter is then the word's
		// fourth from the end.
		for _, p := range proclitics {
			last := p[len(p)-2:]
			setBit(&t.four, v<<16|uint64(last[1])<<8|uint64(last[0]))
		}
	}
}

// mayHave reports whether the Arabic word s[start:end], made of two-byte
// letters only, may have a reading matchAt accepts. A yes may be wrong; a
// no is not.
func (t *tailSet) mayHave(s string, start, end int) bool {
	switch n := end - start; {
	case n >= 8:
		return hasBit(&t.four, load64(s, end-8))
	case n == 6 && end >= 8:
		return hasBit(&t.three, load64(s, end-8)>>16)
	}
	return true
}
