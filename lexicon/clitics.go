package lexicon

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ghurbal/ghurbal/normalize"
)

// Proclitics stripped before lookup, and suffixes (pronouns, plural and
// dual endings) stripped from stemmable entries. A stripped form must keep
// at least minStripped letters, so no entry is found inside an unrelated
// short word.
var (
	proclitics = []string{"وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "فب", "ول", "فل", "وك", "و", "ف", "ب", "ك", "ل"}
	suffixes   = []string{"كما", "هما", "تها", "تهم", "تنا", "تكم", "تي", "تك", "ته", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ين", "ون", "ات", "ان", "يه", "ه", "ك", "ي"}
)

const minStripped = 3

// The matcher asks, for every word of a post, which proclitics it starts
// with and which suffixes it ends with. Comparing the word with each list
// entry cost more than the rest of the word's matching, so the lists are
// compiled into tables answered with a few look-ups and no branch:
//
//   - clitics are made of a handful of letters (و ف ب ك ل ا ت ه م ن ي), so
//     pairInfo numbers them by their two bytes, 0 standing for any other
//     rune or pair of bytes;
//   - a clitic has at most three letters, so the clitics a word starts
//     (ends) with depend only on the numbers of its first (last) three
//     letters: byHead and byTail hold the answer for every three numbers.
//
// The answers are bit masks: bit k stands for proclitics[k] (suffixes[k]).
// Going through the bits in increasing order visits the clitics in the
// order of their lists, which decides ties between equally good readings.

// maxCliticLetters is the most letters a clitic may have.
const maxCliticLetters = 3

// pairInfo describes every two bytes b0 b1 (index b0 | b1<<8) read as a
// two-byte rune: its clitic letter number (pairClitic) and whether it is an
// Arabic letter (pairArabicLetter, for collectWords). Words are read two
// bytes a letter, so one look-up classifies a letter with no decoding and
// no branch. Normalized text is valid UTF-8, so two bytes that look like a
// two-byte rune are one.
var pairInfo = newPairInfo()

const (
	pairClitic            = 0x0F // the bits of the clitic letter number
	pairArabicLetterShift = 7
	pairArabicLetter      = 1 << pairArabicLetterShift
)

// cliticAlphabet returns the letters of the clitics; letter k is numbered
// k+1. The lists are fixed in this file, so a clitic the tables cannot
// hold is a programming error.
func cliticAlphabet() []rune {
	var alphabet []rune
	for _, c := range slices.Concat(proclitics, suffixes) {
		if n := utf8.RuneCountInString(c); n == 0 || n > maxCliticLetters {
			panic("lexicon: clitic " + c + " must have 1 to 3 letters")
		}
		for _, r := range c {
			if r < 0x600 || r > 0x6FF {
				panic("lexicon: clitic " + c + " has a letter outside the Arabic block")
			}
			if !slices.Contains(alphabet, r) {
				alphabet = append(alphabet, r)
			}
		}
	}
	if len(alphabet) > pairClitic {
		panic("lexicon: too many clitic letters")
	}
	return alphabet
}

func newPairInfo() *[1 << 16]uint8 {
	t := new([1 << 16]uint8)
	for r := rune(0x80); r < 0x800; r++ {
		if normalize.IsArabicLetter(r) {
			b := string(r)
			t[uint16(b[0])|uint16(b[1])<<8] |= pairArabicLetter
		}
	}
	for k, r := range cliticAlphabet() {
		b := string(r)
		t[uint16(b[0])|uint16(b[1])<<8] |= uint8(k + 1)
	}
	return t
}

// cliticTable holds the compiled clitic lists.
type cliticTable struct {
	letters int // the clitic letters, plus one for "any other"
	// byHead[(a*letters+b)*letters+c] is the mask of the proclitics a word
	// whose first letters are numbered a, b, c starts with; byTail the
	// mask of the suffixes a word whose last letters are a, b, c ends with.
	byHead, byTail []uint32
	proc, suf      []clitic
}

// clitic is one entry of a clitic list.
type clitic struct {
	len    int // bytes
	letter int // letters
}

var clitics = newCliticTable()

// newCliticTable compiles proclitics and suffixes.
func newCliticTable() *cliticTable {
	if len(proclitics) > 32 || len(suffixes) > 32 {
		panic("lexicon: more than 32 clitics in a list")
	}
	alphabet := cliticAlphabet()
	t := &cliticTable{letters: len(alphabet) + 1}
	// Every word of three letters over the alphabet and "other" (written
	// as a letter no clitic has).
	letterOf := func(k int) string {
		if k == 0 {
			return "x"
		}
		return string(alphabet[k-1])
	}
	t.byHead = make([]uint32, t.letters*t.letters*t.letters)
	t.byTail = make([]uint32, len(t.byHead))
	for a := range t.letters {
		for b := range t.letters {
			for c := range t.letters {
				w := letterOf(a) + letterOf(b) + letterOf(c)
				k := (a*t.letters+b)*t.letters + c
				for i, p := range proclitics {
					if strings.HasPrefix(w, p) {
						t.byHead[k] |= 1 << i
					}
				}
				for i, s := range suffixes {
					if strings.HasSuffix(w, s) {
						t.byTail[k] |= 1 << i
					}
				}
			}
		}
	}
	for _, p := range proclitics {
		t.proc = append(t.proc, clitic{len(p), utf8.RuneCountInString(p)})
	}
	for _, s := range suffixes {
		t.suf = append(t.suf, clitic{len(s), utf8.RuneCountInString(s)})
	}
	return t
}

// letterAt returns the clitic letter number of the two bytes at bit
// offset shift of x.
func (t *cliticTable) letterAt(x uint64, shift uint) int {
	return int(pairInfo[uint16(x>>shift)] & pairClitic)
}

// procliticsOf returns the proclitics w starts with. Its first three
// letters are the pairs of bytes 0–1, 2–3 and 4–5: when the first is not
// a two-byte rune it is no clitic letter, and what follows does not
// matter; the same holds for the second.
func procliticsOf(w string) uint32 {
	t, x := clitics, head8(w)
	return t.byHead[(t.letterAt(x, 0)*t.letters+t.letterAt(x, 16))*t.letters+t.letterAt(x, 32)]
}

// suffixesOf returns the suffixes w ends with, reading its last three
// letters from its last six bytes as procliticsOf reads the first.
func suffixesOf(w string) uint32 {
	t, x := clitics, tail8(w)
	return t.byTail[(t.letterAt(x, 16)*t.letters+t.letterAt(x, 32))*t.letters+t.letterAt(x, 48)]
}

// isSuffix reports whether s is one of suffixes.
func isSuffix(s string) bool {
	for m := suffixesOf(s); m != 0; m &= m - 1 {
		if clitics.suf[bits.TrailingZeros32(m)].len == len(s) {
			return true
		}
	}
	return false
}

// head8 returns the first eight bytes of s (all of s when shorter, the
// rest zero) as a little-endian word.
func head8(s string) uint64 {
	switch n := len(s); {
	case n >= 8:
		return load64(s, 0)
	case n >= 4:
		return uint64(load32(s, 0)) | uint64(load32(s, n-4))<<(8*(n-4))
	default:
		var h uint64
		for i := n - 1; i >= 0; i-- {
			h = h<<8 | uint64(s[i])
		}
		return h
	}
}

// tail8 returns the last eight bytes of s as a little-endian word, the
// last byte highest; a shorter s is shifted up, leaving zero bytes below.
func tail8(s string) uint64 {
	n := len(s)
	if n >= 8 {
		return load64(s, n-8)
	}
	return head8(s) << (8 * (8 - n))
}

// letterCount returns the number of runes of s, which must be valid UTF-8
// (normalized text always is): its length less its continuation bytes
// (10xxxxxx), counted eight at a time.
func letterCount(s string) int {
	n := len(s)
	if n < 8 {
		return n - continuationBytes(head8(s))
	}
	cont := continuationBytes(load64(s, n-8))
	for i := 0; i+8 < n; i += 8 {
		// The words before the last, less what they share with it.
		x := load64(s, i)
		if over := i + 8 - (n - 8); over > 0 {
			x &= ^uint64(0) >> (8 * over)
		}
		cont += continuationBytes(x)
	}
	return n - cont
}

// continuationBytes counts the bytes 10xxxxxx of x.
func continuationBytes(x uint64) int {
	const hi, lo = 0x8080808080808080, 0x4040404040404040
	return bits.OnesCount64(x & hi &^ (x & lo << 1))
}
