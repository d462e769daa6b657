package evade

import (
	"strings"
	"unicode/utf8"
)

// The characters evaders insert inside words, as strings and as runes.
const (
	tatweel = "\u0640" // ARABIC TATWEEL
	zwsp    = "\u200b" // ZERO WIDTH SPACE
	zwnj    = "\u200c" // ZERO WIDTH NON-JOINER
	zwj     = "\u200d" // ZERO WIDTH JOINER

	tatweelRune = '\u0640'
	zwspRune    = '\u200b'
	zwnjRune    = '\u200c'
	zwjRune     = '\u200d'
)

// isLetter reports whether r is an Arabic-script letter words are made of:
// U+0621–U+064A less tatweel, and the Persian, Urdu and Kurdish letters.
func isLetter(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x064A:
		return r != tatweelRune
	case r >= 0x066E && r <= 0x066F, r >= 0x0671 && r <= 0x06D3, r == 0x06D5,
		r >= 0x06EE && r <= 0x06EF, r >= 0x06FA && r <= 0x06FC, r == 0x06FF:
		return true
	}
	return false
}

// isMark reports whether r is a combining mark written on Arabic letters:
// tashkeel, the dagger alef, honorifics and Quranic marks.
func isMark(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x0610 && r <= 0x061A:
		return true
	case r >= 0x06D6 && r <= 0x06ED:
		return r != 0x06DD && r != 0x06DE && r != 0x06E5 && r != 0x06E6 && r != 0x06E9
	}
	return false
}

// inWord reports whether r, not a letter, still belongs to the word around
// it: marks, tatweel and the zero-width characters evaders put inside words.
func inWord(r rune) bool {
	return isMark(r) || r == tatweelRune || r == zwspRune || r == zwnjRune || r == zwjRune
}

// span is a word's byte range in its text.
type span struct{ start, end int }

// findWords returns the words of text: maximal runs that start with a letter
// and go on with letters and what inWord accepts.
func findWords(text string) []span {
	var words []span
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isLetter(r) {
			i += n
			continue
		}
		start := i
		for i += n; i < len(text); i += n {
			r, n = utf8.DecodeRuneInString(text[i:])
			if !isLetter(r) && !inWord(r) {
				break
			}
		}
		words = append(words, span{start, i})
	}
	return words
}

// cluster is one letter of a word and what is written after it.
type cluster struct {
	base  rune
	n     int    // times base is written: 1, or 3–7 once elongated
	marks string // what follows base in the word: marks, tatweel, zero-width characters
}

// clusters splits a word (as found by findWords) into its letters.
func clusters(w string) []cluster {
	cl := make([]cluster, 0, len(w)/2)
	marks := 0 // where the marks of the last cluster start
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if isLetter(r) {
			if len(cl) > 0 {
				cl[len(cl)-1].marks = w[marks:i]
			}
			cl = append(cl, cluster{base: r, n: 1})
			marks = i + n
		}
		i += n
	}
	if len(cl) > 0 {
		cl[len(cl)-1].marks = w[marks:]
	}
	return cl
}

// writeClusters writes the clusters with sep between them.
func writeClusters(b *strings.Builder, cl []cluster, sep string) {
	for i, c := range cl {
		if i > 0 {
			b.WriteString(sep)
		}
		for range c.n {
			b.WriteRune(c.base)
		}
		b.WriteString(c.marks)
	}
}

// hasTashkeel reports whether s holds a combining mark.
func hasTashkeel(s string) bool {
	for _, r := range s {
		if isMark(r) {
			return true
		}
	}
	return false
}

// joinsLeft reports whether r connects to the letter after it (a
// dual-joining letter), so that a tatweel may follow it.
func joinsLeft(r rune) bool {
	switch r {
	case 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
		'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'ي', 'ى', 'ئ',
		'پ', 'چ', 'ک', 'گ', 'ی', 'ڤ', 'ہ', 'ھ', 'ڨ', 'ں', 'ٹ', 'ڭ', 'ڪ':
		return true
	}
	return false
}

// joinsRight reports whether r connects to the letter before it: every
// letter but hamza.
func joinsRight(r rune) bool { return isLetter(r) && r != 'ء' }

// elongatable reports whether evaders repeat r: hamza, its carriers and teh
// marbuta are never repeated, nor the letters that only end a word.
func elongatable(r rune) bool {
	switch r {
	case 'ء', 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ٱ', 'ة', 'ە', 'ے':
		return false
	}
	return isLetter(r)
}

// longVowel reports whether r is a letter that writes a long vowel, the
// letters evaders stretch most.
func longVowel(r rune) bool {
	switch r {
	case 'ا', 'و', 'ي', 'ى', 'ی':
		return true
	}
	return false
}
