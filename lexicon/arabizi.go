package lexicon

// Arabizi has no fixed spelling: فيزا is written fiza, feeza, fezaa,
// feezaa, and with the article elfiza or with a preposition bfiza. The
// data lists an Arabizi spelling or two of a term (flag arabizi); the
// matcher finds the others through a spelling key, which keeps the
// consonants and digits in order and reads every run of vowels as one
// vowel and a doubled letter as one. Unlike the consonant skeleton, the key
// keeps where the vowels are, so it stays exact enough for two-consonant
// words (fiza) whose skeletons (fz) collide with many others: 7ad "one"
// and 7dood "borders" share a skeleton but not a key.

// appendSpellingKey appends the spelling key of a Latin-script word
// (ASCII letters and digits; other bytes are skipped, upper case lowered).
func appendSpellingKey(dst []byte, latin string) []byte {
	var prev byte
	for i := 0; i < len(latin); i++ {
		c := latin[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			continue
		}
		switch c {
		case 'e', 'i', 'o', 'u':
			c = 'a'
		}
		if c != prev {
			dst = append(dst, c)
			prev = c
		}
	}
	return dst
}

// arabiziProclitics are the Latin spellings of the article and the
// prepositions and conjunction that Arabizi writers glue to a word, longest
// first: wel-, bil-, l-, b-, w- …
var arabiziProclitics = [...]string{
	"wal", "wel", "wil", "bal", "bel", "bil", "lal", "lel", "lil", "fal", "fel", "fil",
	"al", "el", "il", "wa", "we", "bi", "be", "li", "le",
	"b", "l", "w",
}

// minSpellingConsonants is the fewest consonants and digits an entry's key
// needs to be matched by spelling: with one (abu, aba) it would take words
// such as abi "I want".
const minSpellingConsonants = 2

// consonants counts the bytes of a spelling key that are not the vowel a.
func consonants(key string) int {
	n := 0
	for i := 0; i < len(key); i++ {
		if key[i] != 'a' {
			n++
		}
	}
	return n
}

// minSpellingStem is the fewest bytes left once a proclitic is removed.
const minSpellingStem = 3

// matchSpelling looks up the spelling key of a Latin word, whole and then
// without each proclitic it starts with.
func (l *Lexicon) matchSpelling(sc *scratch, text string) (int32, bool) {
	sc.skel = appendSpellingKey(sc.skel[:0], text)
	if id, ok := l.spellings.getBytes(sc.skel); ok {
		return id, true
	}
	for _, p := range arabiziProclitics {
		if len(text)-len(p) < minSpellingStem || !hasPrefixFold(text, p) {
			continue
		}
		sc.skel = appendSpellingKey(sc.skel[:0], text[len(p):])
		if id, ok := l.spellings.getBytes(sc.skel); ok {
			return id, true
		}
	}
	return 0, false
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix
// p, ignoring the case of s.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}
