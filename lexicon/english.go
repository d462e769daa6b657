package lexicon

import (
	"strings"
	"unsafe"

	"github.com/kljensen/snowball/english"
)

// This file is an allocation-free copy of normalize.EnglishStem, which
// wraps github.com/kljensen/snowball/english. That stemmer builds a rune
// slice and a string for every word it sees, which made English and
// Arabizi posts allocate in the matcher; this one rewrites the word in a
// byte buffer the caller reuses. It follows kljensen's code step by step,
// quirks included, and TestEnglishStemMatchesSnowball checks the two agree,
// since the lexicon's English keys are built with normalize.EnglishStem.
//
// Only ASCII words are stemmed (as in normalize.EnglishStem), so a byte is
// a rune here.

// appendEnglishStem appends normalize.EnglishStem(word) to dst.
func appendEnglishStem(dst []byte, word string) []byte {
	for i := 0; i < len(word); i++ {
		if word[i] >= 0x80 {
			return append(dst, word...)
		}
	}
	start := len(dst)
	dst = appendLowerASCII(dst, strings.TrimSpace(word))
	w := dst[start:]
	// The word is only read while w is left as it is.
	ws := unsafe.String(unsafe.SliceData(w), len(w))
	if len(w) <= 2 || english.IsStopWord(ws) {
		return dst
	}
	if special, ok := englishSpecialStem(ws); ok {
		return append(dst[:start], special...)
	}
	s := porterWord{b: w}
	s.preprocess()
	s.step0()
	s.step1a()
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	for i, c := range s.b {
		if c == 'Y' {
			s.b[i] = 'y'
		}
	}
	// Every step only shortens the word or puts back at most what it took
	// off, so s.b still starts at dst[start] and the copy is a no-op kept
	// for safety.
	return dst[:start+copy(dst[start:], s.b)]
}

// appendLowerASCII appends the ASCII string s to dst in lower case.
func appendLowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// englishSpecialStem returns the fixed stem of Porter2's exceptional
// words (kljensen's stemSpecialWord).
func englishSpecialStem(w string) (string, bool) {
	switch w {
	case "skis":
		return "ski", true
	case "skies", "sky":
		return "sky", true
	case "dying":
		return "die", true
	case "lying":
		return "lie", true
	case "tying":
		return "tie", true
	case "idly":
		return "idl", true
	case "gently":
		return "gentl", true
	case "ugly":
		return "ugli", true
	case "early":
		return "earli", true
	case "only":
		return "onli", true
	case "singly":
		return "singl", true
	case "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "outing", "canning", "herring",
		"earring", "proceed", "exceed", "succeed":
		return w, true // w itself: appending it over itself copies nothing new
	case "innings", "outings", "cannings", "herrings", "earrings":
		return w[:len(w)-1], true
	case "proceeds", "proceeded", "proceeding":
		return "proceed", true
	case "exceeds", "exceeded", "exceeding":
		return "exceed", true
	case "succeeds", "succeeded", "succeeding":
		return "succeed", true
	}
	return "", false
}

// porterWord is a word being stemmed: its bytes (a consonant y is
// written Y while stemming) and the starts of the regions R1 and R2.
type porterWord struct {
	b      []byte
	r1, r2 int
}

// isEnglishVowel reports a lower-case vowel; a Y written for a consonant
// y is not one.
func isEnglishVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// suffix returns the first of suffixes the word ends with, or "".
func (w *porterWord) suffix(suffixes ...string) string {
	for _, s := range suffixes {
		if len(s) <= len(w.b) && string(w.b[len(w.b)-len(s):]) == s {
			return s
		}
	}
	return ""
}

// cut removes the last n bytes and keeps R1 and R2 inside the word.
func (w *porterWord) cut(n int) {
	w.b = w.b[:len(w.b)-n]
	w.r1, w.r2 = min(w.r1, len(w.b)), min(w.r2, len(w.b))
}

// replace replaces the last n bytes by repl, which is never longer than
// what it replaces plus one byte (room the caller's buffer had).
func (w *porterWord) replace(n int, repl string) {
	w.b = append(w.b[:len(w.b)-n], repl...)
	w.r1, w.r2 = min(w.r1, len(w.b)), min(w.r2, len(w.b))
}

// preprocess trims leading apostrophes, marks consonant y as Y and finds
// R1 and R2.
func (w *porterWord) preprocess() {
	n := 0
	for n < len(w.b)-1 && w.b[n] == '\'' {
		n++
	}
	if n > 0 {
		w.b = w.b[:copy(w.b, w.b[n:])]
	}
	for i, c := range w.b {
		if c == 'y' && (i == 0 || isEnglishVowel(w.b[i-1])) {
			w.b[i] = 'Y'
		}
	}
	w.r1 = len(w.b)
	for _, p := range [...]string{"gener", "commun", "arsen"} {
		if len(p) <= len(w.b) && string(w.b[:len(p)]) == p {
			w.r1 = len(p)
			break
		}
	}
	if w.r1 == len(w.b) {
		w.r1 = w.afterVowelConsonant(0)
	}
	w.r2 = w.afterVowelConsonant(w.r1)
}

// afterVowelConsonant returns where the region after the first non-vowel
// following a vowel in b[start:] begins, or len(b).
func (w *porterWord) afterVowelConsonant(start int) int {
	for j := start + 1; j < len(w.b); j++ {
		if isEnglishVowel(w.b[j-1]) && !isEnglishVowel(w.b[j]) {
			return j + 1
		}
	}
	return len(w.b)
}

// endsShortSyllable reports whether b[:i] ends in a short syllable.
func (w *porterWord) endsShortSyllable(i int) bool {
	switch {
	case i == 2:
		return isEnglishVowel(w.b[0]) && !isEnglishVowel(w.b[1])
	case i >= 3:
		s1, s2, s3 := w.b[i-1], w.b[i-2], w.b[i-3]
		return !isEnglishVowel(s1) && s1 != 'w' && s1 != 'x' && s1 != 'Y' && isEnglishVowel(s2) && !isEnglishVowel(s3)
	}
	return false
}

func (w *porterWord) step0() {
	if s := w.suffix("'s'", "'s", "'"); s != "" {
		w.cut(len(s))
	}
}

func (w *porterWord) step1a() {
	switch s := w.suffix("sses", "ied", "ies", "us", "ss", "s"); s {
	case "sses":
		w.replace(len(s), "ss")
	case "ies", "ied":
		if len(w.b) > 4 {
			w.replace(len(s), "i")
		} else {
			w.replace(len(s), "ie")
		}
	case "s":
		for i := 0; i < len(w.b)-2; i++ {
			if isEnglishVowel(w.b[i]) {
				w.cut(1)
				return
			}
		}
	}
}

func (w *porterWord) step1b() {
	s := w.suffix("eedly", "ingly", "edly", "ing", "eed", "ed")
	switch s {
	case "eed", "eedly":
		if len(s) <= len(w.b)-w.r1 {
			w.replace(len(s), "ee")
		}
	case "ed", "edly", "ing", "ingly":
		hasVowel := false
		for i := 0; i < len(w.b)-len(s); i++ {
			if isEnglishVowel(w.b[i]) {
				hasVowel = true
				break
			}
		}
		if !hasVowel {
			return
		}
		r1, r2 := w.r1, w.r2
		w.cut(len(s))
		switch t := w.suffix("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"); t {
		case "":
			if w.r1 >= len(w.b) && w.endsShortSyllable(len(w.b)) { // a short word
				w.b = append(w.b, 'e')
				w.r1, w.r2 = len(w.b), len(w.b)
				return
			}
		case "at", "bl", "iz":
			w.b = append(w.b, 'e')
		default:
			w.cut(1)
		}
		w.r1, w.r2 = min(r1, len(w.b)), min(r2, len(w.b))
	}
}

func (w *porterWord) step1c() {
	n := len(w.b)
	if n > 2 && (w.b[n-1] == 'y' || w.b[n-1] == 'Y') && !isEnglishVowel(w.b[n-2]) {
		w.b[n-1] = 'i'
	}
}

func (w *porterWord) step2() {
	s := w.suffix("ational", "fulness", "iveness", "ization", "ousness",
		"biliti", "lessli", "tional", "alism", "aliti", "ation",
		"entli", "fulli", "iviti", "ousli", "anci", "abli",
		"alli", "ator", "enci", "izer", "bli", "ogi", "li")
	if s == "" || len(s) > len(w.b)-w.r1 {
		return
	}
	n := len(w.b)
	switch s {
	case "li":
		if n >= 3 && strings.IndexByte("cdeghkmnrt", w.b[n-3]) >= 0 {
			w.cut(2)
		}
	case "ogi":
		if n >= 4 && w.b[n-4] == 'l' {
			w.replace(len(s), "og")
		}
	default:
		w.replace(len(s), step2Replacement(s))
	}
}

// step2Replacement is what step 2 puts in place of suffix s.
func step2Replacement(s string) string {
	switch s {
	case "tional":
		return "tion"
	case "enci":
		return "ence"
	case "anci":
		return "ance"
	case "abli":
		return "able"
	case "entli":
		return "ent"
	case "izer", "ization":
		return "ize"
	case "ational", "ation", "ator":
		return "ate"
	case "alism", "aliti", "alli":
		return "al"
	case "fulness", "fulli":
		return "ful"
	case "ousli", "ousness":
		return "ous"
	case "iveness", "iviti":
		return "ive"
	case "biliti", "bli":
		return "ble"
	case "lessli":
		return "less"
	}
	return ""
}

func (w *porterWord) step3() {
	s := w.suffix("ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness")
	if s == "" || len(s) > len(w.b)-w.r1 {
		return
	}
	switch s {
	case "ative":
		if len(w.b)-w.r2 >= 5 {
			w.cut(len(s))
		}
	case "ational":
		w.replace(len(s), "ate")
	case "tional":
		w.replace(len(s), "tion")
	case "alize":
		w.replace(len(s), "al")
	case "icate", "iciti", "ical":
		w.replace(len(s), "ic")
	default: // ful, ness
		w.cut(len(s))
	}
}

func (w *porterWord) step4() {
	s := w.suffix("ement", "ance", "ence", "able", "ible", "ment",
		"ent", "ant", "ism", "ate", "iti", "ous", "ive",
		"ize", "ion", "al", "er", "ic")
	if s == "" || len(s) > len(w.b)-w.r2 {
		return
	}
	if s == "ion" {
		if n := len(w.b); n >= 4 && (w.b[n-4] == 's' || w.b[n-4] == 't') {
			w.cut(len(s))
		}
		return
	}
	w.cut(len(s))
}

func (w *porterWord) step5() {
	last := len(w.b) - 1
	if w.r1 > last {
		return
	}
	switch {
	case w.b[last] == 'e':
		if w.r2 <= last || !w.endsShortSyllable(last) {
			w.cut(1)
		}
	case w.r2 <= last && w.b[last] == 'l' && last >= 1 && w.b[last-1] == 'l':
		w.cut(1)
	}
}
