package extract

import "unicode/utf8"

// This file holds the byte-level helpers every scanner shares: decoding the
// four digit forms posts use, the invisible and space characters that may sit
// inside a number, and the one word reader (with its folding) that all word
// tables are looked up through.

// digitAt decodes a decimal digit at t[i] in any of the forms seen in posts:
// ASCII, Arabic-Indic (U+0660–U+0669), Extended Arabic-Indic (U+06F0–U+06F9,
// typed on Persian and Kurdish keyboards) and fullwidth (U+FF10–U+FF19, from
// some Asian phone keyboards). Posts mix them inside one number because
// copy-pasting and keyboard switching do, so every scanner reads digits
// through this one function. size is 0 when t[i] starts no digit.
func digitAt(t string, i int) (d, size int) {
	c := t[i]
	if c-'0' < 10 {
		return int(c - '0'), 1
	}
	if i+1 >= len(t) {
		return 0, 0
	}
	c1 := t[i+1]
	switch c {
	case 0xD9: // U+0660..U+0669
		if c1 >= 0xA0 && c1 <= 0xA9 {
			return int(c1 - 0xA0), 2
		}
	case 0xDB: // U+06F0..U+06F9
		if c1 >= 0xB0 && c1 <= 0xB9 {
			return int(c1 - 0xB0), 2
		}
	case 0xEF: // U+FF10..U+FF19
		if c1 == 0xBC && i+2 < len(t) && t[i+2] >= 0x90 && t[i+2] <= 0x99 {
			return int(t[i+2] - 0x90), 3
		}
	}
	return 0, 0
}

// isDigitAt reports whether a digit (any form) starts at t[i]; i may be len(t).
func isDigitAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	_, n := digitAt(t, i)
	return n > 0
}

// digitEndsAt reports whether a digit (any form) ends exactly at t[i], that
// is, whether the rune before offset i is a digit.
func digitEndsAt(t string, i int) bool {
	if i <= 0 {
		return false
	}
	if c := t[i-1]; c-'0' < 10 {
		return true
	}
	if i >= 2 {
		if _, n := digitAt(t, i-2); n == 2 {
			return true
		}
	}
	if i >= 3 {
		if _, n := digitAt(t, i-3); n == 3 {
			return true
		}
	}
	return false
}

// skipDigits returns the offset after the run of digits (any form) at i.
func skipDigits(t string, i int) int {
	for i < len(t) {
		_, n := digitAt(t, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// invisibleAt returns the size of a zero-width format character at t[i]:
// ZWSP, ZWNJ, ZWJ, LRM, RLM, the bidi embeddings and isolates, word joiner,
// BOM and the Arabic letter mark. Posts carry them because RTL editors insert
// them around Latin runs and digits, and because some spammers sprinkle them
// to defeat keyword filters; inside a number or a word they mean nothing.
func invisibleAt(t string, i int) int {
	c := t[i]
	switch {
	case c == 0xD8:
		if i+1 < len(t) && t[i+1] == 0x9C { // U+061C ALM
			return 2
		}
	case c == 0xE2 && i+2 < len(t):
		c1, c2 := t[i+1], t[i+2]
		if c1 == 0x80 && ((c2 >= 0x8B && c2 <= 0x8F) || (c2 >= 0xAA && c2 <= 0xAE)) {
			return 3 // U+200B..U+200F, U+202A..U+202E
		}
		if c1 == 0x81 && (c2 == 0xA0 || (c2 >= 0xA6 && c2 <= 0xA9)) {
			return 3 // U+2060, U+2066..U+2069
		}
	case c == 0xEF && i+2 < len(t):
		if t[i+1] == 0xBB && t[i+2] == 0xBF { // U+FEFF
			return 3
		}
	}
	return 0
}

// spaceAt returns the size of a horizontal space at t[i] (never a line
// break): ASCII space and tab, no-break space, the U+2000 spaces, narrow
// no-break space, medium mathematical space and the ideographic space.
func spaceAt(t string, i int) int {
	c := t[i]
	switch c {
	case ' ', '\t':
		return 1
	case 0xC2:
		if i+1 < len(t) && t[i+1] == 0xA0 {
			return 2
		}
	case 0xE2:
		if i+2 < len(t) {
			c1, c2 := t[i+1], t[i+2]
			if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF)) || (c1 == 0x81 && c2 == 0x9F) {
				return 3
			}
		}
	case 0xE3:
		if i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

// skipGap skips at most max runes of horizontal space or invisible
// characters at i and returns the new offset. It is how scanners step between
// the parts of one signal ("5000  دولار", "53.9006, 27.5590") without ever
// crossing a line or a word.
func skipGap(t string, i, max int) int {
	for k := 0; k < max && i < len(t); k++ {
		n := spaceAt(t, i)
		if n == 0 {
			n = invisibleAt(t, i)
		}
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// skipInvisible skips zero-width characters only.
func skipInvisible(t string, i int) int {
	for i < len(t) {
		n := invisibleAt(t, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// runeSize is the size of the (possibly invalid) rune at t[i], at least 1.
func runeSize(t string, i int) int {
	if t[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(t[i:])
	return n
}

func isASCIILetter(c byte) bool { return (c|0x20)-'a' < 26 }
func isASCIIDigit(c byte) bool  { return c-'0' < 10 }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || isASCIIDigit(c) }
func lowerASCII(c byte) byte {
	if c-'A' < 26 {
		return c + 0x20
	}
	return c
}

// isArabicWordRune reports whether r belongs inside an Arabic-script word:
// letters of the Arabic blocks (including Persian, Kurdish and Urdu letters
// and the presentation forms), combining marks and tatweel. Arabic digits and
// punctuation are not word runes.
func isArabicWordRune(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x065F, r == 0x0670, r >= 0x0671 && r <= 0x06D3,
		r == 0x06D5, r >= 0x06D6 && r <= 0x06DC, r >= 0x06DF && r <= 0x06E8,
		r >= 0x06EA && r <= 0x06EF, r >= 0x06FA && r <= 0x06FC, r == 0x06FF,
		r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08FF,
		r >= 0xFB50 && r <= 0xFD3D, r >= 0xFD50 && r <= 0xFDFB,
		r >= 0xFE70 && r <= 0xFEFC:
		return true
	}
	return false
}

// foldArabic maps an Arabic-script letter to the one representative the word
// tables are written in, or returns 0 for runes that are dropped (marks,
// tatweel). The equivalence classes are the ones posts actually blur: hamza
// carriers on alef, teh marbuta with heh, alef maqsura and Persian yeh with
// yeh, and the Persian/Kurdish letters that Kurdish-accented Arabic writes
// for the Arabic ones (گ for ك in تلگرام, ڤ for ف, چ for ج, پ for ب).
func foldArabic(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ة', 'ە', 'ھ', 'ۀ', 'ہ':
		return 'ه'
	case 'ى', 'ی', 'ې', 'ێ':
		return 'ي'
	case 'ک', 'گ', 'ڪ':
		return 'ك'
	case 'چ':
		return 'ج'
	case 'پ':
		return 'ب'
	case 'ڤ':
		return 'ف'
	case 'ژ':
		return 'ز'
	case 'ۆ', 'ۇ', 'ۋ':
		return 'و'
	case 'ڕ':
		return 'ر'
	case 'ڵ':
		return 'ل'
	}
	if r == 0x0640 || (r >= 0x064B && r <= 0x065F) || r == 0x0670 || (r >= 0x06D6 && r <= 0x06ED) {
		return 0 // tatweel and combining marks
	}
	return r
}

// decodeRune decodes the rune at t[i] with a fast path for the 2-byte
// sequences every Arabic letter is (utf8.DecodeRuneInString has a fast path
// for ASCII only). Invalid bytes give utf8.RuneError and size 1.
func decodeRune(t string, i int) (rune, int) {
	c := t[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(t) && t[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(t[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(t[i:])
}

// wordCap bounds a folded word. No table entry comes near it; a longer word
// matches nothing, which keeps the word buffer on the stack.
const wordCap = 48

// word is one word of the text, folded for table lookup: ASCII letters
// lower-cased, Arabic letters folded by foldArabic, marks, tatweel and
// joiners dropped. A word is a run of one script: Latin letters (ASCII) or
// Arabic-script letters; digits and punctuation end it.
//
// The word is kept twice: b as folded, which stems() reads to find the
// proclitics, and c collapsed (every run of one repeated letter written
// once), which is what the tables are written in. That folds elongation
// (دولاااار, يوروو, tahreeeb) and double letters alike, so every table entry
// is written collapsed ("dolar", "facebok"); TestTablesAreFolded checks that.
// run maps an offset in b to the offset in c of the run it belongs to, so
// the collapsed form of the suffix b[o:] is c[run[o]:]: a stem costs no copy.
type word struct {
	start, end int
	latin      bool
	long       bool // longer than wordCap: matches no table
	n, cn      int
	c          [wordCap]byte
	// b and run are kept for the first prefixCap bytes only: proclitics
	// are at most four letters, so no stem starts further in.
	b   [prefixCap]byte
	run [prefixCap + 1]uint8
}

// prefixCap is how much of the folded word stems() may strip: four Arabic
// letters (وبال), plus one letter to see past them.
const prefixCap = 10

// prefix is the folded (uncollapsed) start of the word, for stems().
func (w *word) prefix() []byte { return w.b[:min(w.n, prefixCap)] }

// key is the whole word, folded and collapsed, without stemming; nil for a
// word too long for any table.
func (w *word) key() []byte {
	if w.long {
		return nil
	}
	return w.c[:w.cn]
}

// suffixKey is the collapsed form of the folded word from byte o on, for a
// stem offset o (at most prefixCap).
func (w *word) suffixKey(o int) []byte { return w.c[w.run[o]:w.cn] }

// push2 appends one 2-byte folded letter (the fast path of push).
func (w *word) push2(b0, b1 byte) {
	if w.n+2 > wordCap {
		w.long = true
		return
	}
	n, cn := w.n, w.cn
	same := cn >= 2 && w.c[cn-2] == b0 && w.c[cn-1] == b1
	if n+2 <= prefixCap {
		r := uint8(cn)
		if same {
			r -= 2
		}
		w.run[n], w.run[n+1] = r, r
		w.b[n], w.b[n+1] = b0, b1
	}
	if !same {
		w.c[cn], w.c[cn+1] = b0, b1
		w.cn = cn + 2
	}
	w.n = n + 2
}

// push1 appends one ASCII letter.
func (w *word) push1(c byte) {
	if w.n+1 > wordCap {
		w.long = true
		return
	}
	n, cn := w.n, w.cn
	same := cn >= 1 && w.c[cn-1] == c
	if n < prefixCap {
		r := uint8(cn)
		if same {
			r--
		}
		w.run[n], w.b[n] = r, c
	}
	if !same {
		w.c[cn] = c
		w.cn = cn + 1
	}
	w.n = n + 1
}

// readWord reads the word starting at t[i] into w. It returns false, with
// w.end = i, when no word starts at i.
func readWord(t string, i int, w *word) bool {
	w.start, w.end, w.n, w.cn, w.long = i, i, 0, 0, false
	if i >= len(t) {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		if !isASCIILetter(c) {
			return false
		}
		w.latin = true
		j := i
		for j < len(t) && isASCIILetter(t[j]) {
			w.push1(lowerASCII(t[j]))
			j++
		}
		w.end = j
		return true
	}
	w.latin = false
	j := i
	for j < len(t) {
		c0 := t[j]
		if c0 >= 0xD8 && c0 <= 0xDB && j+1 < len(t) && t[j+1]&0xC0 == 0x80 {
			// The Arabic block, U+0600–U+06FF: the fast path every
			// Arabic letter takes, through the generated arabicFoldTable.
			k := (int(c0&0x03)<<6 | int(t[j+1]&0x3F)) * 2
			b0, b1 := arabicFoldTable[k], arabicFoldTable[k+1]
			if b0 == 0xFF {
				break
			}
			if b0 != 0 {
				w.push2(b0, b1)
			}
			j += 2
			continue
		}
		if c0 < utf8.RuneSelf {
			break
		}
		r, n := decodeRune(t, j)
		if !isArabicWordRune(r) {
			if (r == 0x200C || r == 0x200D) && j > i { // ZWNJ/ZWJ inside a word
				j += n
				continue
			}
			break
		}
		// Supplement, extended and presentation forms: letters, but no
		// table entry uses them; the word is kept whole and matches nothing.
		if f := foldArabic(r); f != 0 {
			if f < 0x0800 {
				w.push2(byte(0xC0|f>>6), byte(0x80|f&0x3F))
			} else {
				w.long = true
			}
		}
		j += n
	}
	if j == i {
		return false
	}
	// A trailing joiner belongs to what follows, not to the word.
	for j-3 >= i && t[j-3] == 0xE2 && t[j-2] == 0x80 && (t[j-1] == 0x8C || t[j-1] == 0x8D) {
		j -= 3
	}
	w.end = j
	if w.n <= prefixCap {
		w.run[w.n] = uint8(w.cn)
	}
	return true
}

// wordStartsAt reports whether a word (Latin or Arabic letter) starts at t[i].
func wordStartsAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := decodeRune(t, i)
	return isArabicWordRune(r)
}

// Arabic proclitics, as folded bytes.
const (
	arWaw     = "و"
	arArticle = "ال"
	arLamLam  = "لل"
)

// isPrepClitic reports whether the 2-byte letter at the start of b is one of
// the one-letter prepositions that glue onto a word: ب (with, for), ل (to),
// ف (then), ك (like) and ع (dialect for على "on": عالتلغرام).
func isPrepClitic(b []byte) bool {
	if len(b) < 2 {
		return false
	}
	switch string(b[:2]) {
	case "ب", "ل", "ف", "ك", "ع":
		return true
	}
	return false
}

// stems lists the offsets in the folded word where a stem may start once
// the common Arabic proclitics are stripped: و, then one preposition or the
// article ال (or لل, ل + ال), or a preposition and the article (بال, عال).
// It fills offs and returns how many; offset 0 (the word as written) comes
// first. b is the word's folded prefix (the proclitics are at most four
// letters) and n the word's full length in bytes; every stem keeps at least
// two letters. Latin words have only offset 0.
func stems(b []byte, n int, latin bool, offs *[8]int) int {
	offs[0] = 0
	k := 1
	if latin || n < 6 {
		return k
	}
	base := 0
	if string(b[:2]) == arWaw {
		offs[k] = 2
		k++
		base = 2
	}
	rest, left := b[base:], n-base
	if len(rest) >= 4 && left >= 8 && (string(rest[:4]) == arArticle || string(rest[:4]) == arLamLam) {
		offs[k] = base + 4
		k++
	}
	if isPrepClitic(rest) && left >= 6 {
		offs[k] = base + 2
		k++
		if len(rest) >= 6 && left >= 10 && string(rest[2:6]) == arArticle {
			offs[k] = base + 6
			k++
		}
	}
	return k
}
