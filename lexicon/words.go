package lexicon

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/ghurbal/ghurbal/normalize"
)

// word is a token of the text that can be (part of) a term. It holds no
// pointer (its text is norm[start:end]), which keeps it small and cheap to
// append: a post has a word every few bytes.
type word struct {
	start, end int // normalized offsets
	latin      bool
	single     bool // one Arabic letter: maybe part of a spaced-out word
	// maybe is false for an Arabic word that starts no entry (see
	// Lexicon.mayMatch), so that matching skips it.
	maybe bool
}

// text returns the word in norm, the normalized text it was found in.
func (w word) text(norm string) string { return norm[w.start:w.end] }

// collectWords appends the words of the normalized text s: Arabic and
// Latin tokens, and the parts of hashtags (#تهريب_لالمانيا).
//
// Most of a post is Arabic words between spaces and punctuation, and
// tokenizing them one rune at a time through normalize.NextToken took as
// long as matching them. So collectWords reads those itself: an ASCII byte
// that starts no word is skipped, and an Arabic word or an Arabic hashtag
// ended by an ASCII byte (or the end of the text) is read eight bytes at a
// time. Anything else, including an Arabic word followed by a mark, an
// emoji or a Latin letter, goes to normalize.NextToken, so the words are
// exactly the tokens the tokenizer gives.
//
// It also asks mayMatch about each Arabic word while its bytes are at hand,
// so that matching can pass over most words without a look.
func (l *Lexicon) collectWords(dst []word, s string) []word {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf && !startsWord[b] {
			i++ // a space, or a punctuation token
			continue
		}
		if end := arabicWordEnd(s, i); end > i {
			dst = append(dst, word{start: i, end: end, single: end-i == 2, maybe: l.tails.mayHave(s, i, end) && l.mayMatch(s, i, end)})
			i = end
			continue
		}
		if end := arabicHashtagEnd(s, i); end > i {
			dst = l.appendHashtagWords(dst, s, i, end)
			i = end
			continue
		}
		tok, next := normalize.NextToken(s, i)
		switch tok.Kind {
		case 0:
			return dst
		case normalize.KindArabic, normalize.KindLatin:
			latin := tok.Kind == normalize.KindLatin
			dst = append(dst, word{start: tok.NormStart, end: tok.NormEnd,
				latin: latin, single: normalize.IsSingleLetter(tok), maybe: latin || l.mayMatch(s, tok.NormStart, tok.NormEnd)})
		case normalize.KindHashtag:
			dst = l.appendHashtagWords(dst, s, tok.NormStart, tok.NormEnd)
		}
		i = next
	}
	return dst
}

// startsWord reports the ASCII bytes that may start a word, a hashtag or
// a token holding one (a URL or a handle, which hold none, are left to
// the tokenizer too): letters, digits, # and @. Any other ASCII byte is
// white space or a punctuation token of its own.
var startsWord = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		c := byte(b)
		t[b] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '#' || c == '@'
	}
	return t
}()

// appendHashtagWords appends the parts of the hashtag s[start:end] between
// its underscores.
func (l *Lexicon) appendHashtagWords(dst []word, s string, start, end int) []word {
	for j := start + 1; j < end; {
		k := strings.IndexByte(s[j:end], '_')
		if k < 0 {
			k = end - j
		}
		if k > 0 {
			part := s[j : j+k]
			r, _ := utf8.DecodeRuneInString(part)
			latin := !normalize.IsArabicLetter(r)
			dst = append(dst, word{start: j, end: j + k, latin: latin, maybe: latin || l.mayMatch(s, j, j+k)})
		}
		j += k + 1
	}
	return dst
}

// arabicWordEnd returns the end of the Arabic token at s[i] when it is
// made of two-byte Arabic letters only and ends at an ASCII byte or at the
// end of s, and i otherwise. The tokenizer's Arabic tokens run over
// Arabic letters and marks, and no ASCII byte is either, so in the first
// case the token ends exactly there.
func arabicWordEnd(s string, i int) int {
	if i+1 >= len(s) || !isArabicLetterPair(s[i], s[i+1]) {
		return i
	}
	if j := arabicLettersEnd(s, i+2); j == len(s) || s[j] < utf8.RuneSelf {
		return j
	}
	return i // a mark or another rune follows: ask the tokenizer
}

// arabicHashtagEnd returns the end of the hashtag at s[i] when it is made
// of two-byte Arabic letters and underscores and ends at an ASCII byte
// that no hashtag takes (not a letter, a digit or _) or at the end of s,
// and i otherwise.
func arabicHashtagEnd(s string, i int) int {
	if s[i] != '#' {
		return i
	}
	j := i + 1
	for {
		j = arabicLettersEnd(s, j)
		if j == len(s) || s[j] != '_' {
			break
		}
		j++
	}
	if j == i+1 || j < len(s) && (s[j] >= utf8.RuneSelf || startsWord[s[j]] && s[j] != '#' && s[j] != '@') {
		return i // a lone #, or a hashtag that goes on: ask the tokenizer
	}
	return j
}

// arabicLettersEnd returns the end of the run of two-byte Arabic letters
// at s[j:], reading eight bytes at a time.
func arabicLettersEnd(s string, j int) int {
	for j+16 <= len(s) {
		// Sixteen bytes at a time, so that most words end in the first
		// round and the loop's exit is easy to predict.
		n := arabicLetters4(load64(s, j))
		n += arabicLetters4(load64(s, j+8)) & -(n >> 2) // only when the first eight are letters
		j += 2 * n
		if n < 8 {
			return j
		}
	}
	for j+8 <= len(s) {
		n := arabicLetters4(load64(s, j))
		j += 2 * n
		if n < 4 {
			return j
		}
	}
	for j+1 < len(s) && isArabicLetterPair(s[j], s[j+1]) {
		j += 2
	}
	return j
}

// isArabicLetterPair reports whether b0 b1 encode an Arabic letter (see
// pairInfo).
func isArabicLetterPair(b0, b1 byte) bool {
	return pairInfo[uint16(b0)|uint16(b1)<<8]&pairArabicLetter != 0
}

// arabicLetters4 returns how many of the four two-byte runes x may hold
// (bytes 0–1, 2–3, 4–5, 6–7) are Arabic letters before the first that is
// not: four table look-ups and no branch, where a loop over the runes
// would mispredict its exit at the end of nearly every word.
func arabicLetters4(x uint64) int {
	t := pairInfo
	const s = pairArabicLetterShift
	ok := uint(t[uint16(x)]>>s) | uint(t[uint16(x>>16)]>>s)<<1 | uint(t[uint16(x>>32)]>>s)<<2 | uint(t[uint16(x>>48)]>>s)<<3
	return bits.TrailingZeros(^ok&0b1111 | 0b10000)
}
