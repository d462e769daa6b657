package normalize

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind uint8

// The token kinds.
const (
	KindArabic  Kind = iota + 1 // a run of Arabic-script letters (with any marks kept inside)
	KindLatin                   // Latin letters, possibly with digits inside (Arabizi: 7dood, 3arab)
	KindNumber                  // digits, with . or , between digit groups (3,500 1.5)
	KindEmoji                   // one emoji with its modifiers, or a flag pair
	KindURL                     // http(s)://…, www.…, or a domain followed by a path (t.me/x)
	KindHandle                  // @name
	KindHashtag                 // #tag, Arabic or Latin
	KindPunct                   // one punctuation or symbol rune
	KindOther                   // letters of other scripts (Cyrillic, …)
)

var kindNames = [...]string{"", "arabic", "latin", "number", "emoji", "url", "handle", "hashtag", "punct", "other"}

// String returns the kind's lower-case name.
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "invalid"
}

// Token is one token of a normalized text. Text is the normalized token;
// NormStart and NormEnd are its byte offsets in the normalized text; Start
// and End are byte offsets into the original text (the same as NormStart
// and NormEnd when tokenizing a plain string).
type Token struct {
	Kind               Kind
	Text               string
	NormStart, NormEnd int
	Start, End         int
}

// NextToken returns the first token of s at or after byte i, and the offset
// where the following search starts. At the end of s it returns a Token
// whose Kind is 0. It allocates nothing, so loops over it are free of
// garbage; Tokens wraps it as an iterator.
func NextToken(s string, i int) (Token, int) {
	i = skipSpace(s, max(i, 0))
	if i >= len(s) {
		return Token{}, len(s)
	}
	kind, end := scanToken(s, i)
	return Token{Kind: kind, Text: s[i:end], NormStart: i, NormEnd: end, Start: i, End: end}, end
}

// Tokens iterates over the tokens of the (normalized) string s.
func Tokens(s string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		for i := 0; ; {
			tok, next := NextToken(s, i)
			if tok.Kind == 0 || !yield(tok) {
				return
			}
			i = next
		}
	}
}

// NextToken is NextToken over the normalized text, with Start and End
// mapped to the original.
func (t *Text) NextToken(i int) (Token, int) {
	tok, next := NextToken(t.Normalized(), i)
	if tok.Kind != 0 {
		tok.Start, tok.End = t.Original(tok.NormStart, tok.NormEnd)
	}
	return tok, next
}

// Tokens iterates over the tokens of t, with offsets into the original.
func (t *Text) Tokens() iter.Seq[Token] {
	return func(yield func(Token) bool) {
		for i := 0; ; {
			tok, next := t.NextToken(i)
			if tok.Kind == 0 || !yield(tok) {
				return
			}
			i = next
		}
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		b := s[i]
		if b < utf8.RuneSelf {
			if b != ' ' && b != '\n' && b != '\t' && b != '\r' && b != '\v' && b != '\f' {
				return i
			}
			i++
			continue
		}
		if b >= 0xC4 && b <= 0xDF {
			// U+0100–U+07FF (Latin Extended to Arabic) holds no white
			// space, so a word starts here; TestTokenizerFastPaths
			// checks this.
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 'A' && b <= 'Z'
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// isArabicMark reports the combining marks and tatweel that may stay inside
// an Arabic word when a Normalizer keeps them.
func isArabicMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640 || r >= 0x0610 && r <= 0x061A ||
		r >= 0x06D6 && r <= 0x06ED && r != 0x06DD && r != 0x06DE && r != 0x06E9 || r >= 0x08D3 && r <= 0x08FF
}

// IsEmoji reports whether r is an emoji or pictographic symbol.
func IsEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF ||
		r >= 0x2300 && r <= 0x23FF || r == 0x00A9 || r == 0x00AE || r == 0x203C || r == 0x2049 ||
		r == 0x2122 || r == 0x2139 || r >= 0x2194 && r <= 0x21AA || r == 0x3030 || r == 0x303D ||
		r == 0x3297 || r == 0x3299 || r >= 0x25AA && r <= 0x25FE
}

func isEmojiModifier(r rune) bool {
	return r >= 0x1F3FB && r <= 0x1F3FF || r == 0x20E3 || r == 0x200D || r >= 0xFE00 && r <= 0xFE0F ||
		r >= 0xE0020 && r <= 0xE007F
}

func isLatinLetter(r rune) bool {
	return r < utf8.RuneSelf && isASCIIAlnum(byte(r)) || r >= 0xC0 && unicode.Is(unicode.Latin, r)
}

// scanToken returns the kind and end of the token starting at s[i], which
// is not a space.
func scanToken(s string, i int) (Kind, int) {
	b := s[i]
	switch {
	case isASCIIAlnum(b):
		if hasPrefixFold(s[i:], "http://") || hasPrefixFold(s[i:], "https://") || hasPrefixFold(s[i:], "www.") {
			return KindURL, scanURL(s, i)
		}
		return scanLatin(s, i)
	case b == '@' || b == '#':
		j := i + 1
		for j < len(s) {
			if k := arabicBlockIndex(s, j); k >= 0 {
				// No rune of the Arabic block is Latin, '_' or '.': only a
				// hashtag takes it, when it is a letter or a mark.
				if b == '@' || arabicClass[k] == 0 {
					break
				}
				j += 2
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if !(r == '_' || r == '.' && b == '@' || isLatinLetter(r) || IsArabicLetter(r) && b == '#' || isArabicMark(r) && b == '#') {
				break
			}
			j += size
		}
		for j > i+1 && s[j-1] == '.' { // a sentence-final dot is not part of a handle
			j--
		}
		if j > i+1 {
			if b == '@' {
				return KindHandle, j
			}
			return KindHashtag, j
		}
		return KindPunct, i + 1
	}
	if k := arabicBlockIndex(s, i); k >= 0 && arabicClass[k]&classLetter != 0 {
		return KindArabic, scanArabic(s, i+2)
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case IsArabicLetter(r):
		return KindArabic, scanArabic(s, i+size)
	case IsEmoji(r):
		j := i + size
		if r >= 0x1F1E6 && r <= 0x1F1FF { // regional indicators come in pairs
			if r2, size2 := utf8.DecodeRuneInString(s[j:]); r2 >= 0x1F1E6 && r2 <= 0x1F1FF {
				j += size2
			}
		}
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isEmojiModifier(r) {
				break
			}
			j += size
		}
		return KindEmoji, j
	case isLatinLetter(r):
		return scanLatin(s, i)
	case unicode.IsLetter(r):
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) || IsArabicLetter(r) || isLatinLetter(r) {
				break
			}
			j += size
		}
		return KindOther, j
	case unicode.IsDigit(r):
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsDigit(r) {
				break
			}
			j += size
		}
		return KindNumber, j
	}
	return KindPunct, i + size
}

// Classes of the runes of the Arabic block (U+0600–U+06FF) in
// arabicClass, so the tokenizer decodes and classifies the two bytes of an
// Arabic rune with one table look-up instead of a call to
// utf8.DecodeRuneInString and two range tests.
const (
	classLetter = 1 << iota // IsArabicLetter
	classMark               // isArabicMark
)

var arabicClass = func() (t [256]uint8) {
	for k := range t {
		r := rune(0x600 + k)
		if IsArabicLetter(r) {
			t[k] |= classLetter
		}
		if isArabicMark(r) {
			t[k] |= classMark
		}
	}
	return t
}()

// arabicBlockIndex returns r-0x600 when s[i:] starts with the UTF-8 encoding
// of a rune r of the Arabic block, and -1 otherwise.
func arabicBlockIndex(s string, i int) int {
	if i+1 >= len(s) || s[i]&0xFC != 0xD8 || s[i+1]&0xC0 != 0x80 {
		return -1
	}
	return int(s[i]&0x03)<<6 | int(s[i+1]&0x3F)
}

// scanArabic returns the end of the Arabic word whose letters continue at
// s[j]: Arabic letters and the marks a Normalizer may keep.
func scanArabic(s string, j int) int {
	for j < len(s) {
		if k := arabicBlockIndex(s, j); k >= 0 {
			if arabicClass[k] == 0 {
				break
			}
			j += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !IsArabicLetter(r) && !isArabicMark(r) {
			break
		}
		j += size
	}
	return j
}

// scanLatin scans a run of Latin letters and ASCII digits: a word (Latin
// when it has a letter, Number when only digits with separators), or a URL
// when the run is a domain followed by a path.
func scanLatin(s string, i int) (Kind, int) {
	j, letters := i, false
	for j < len(s) {
		if b := s[j]; b < utf8.RuneSelf {
			if !isASCIIAlnum(b) {
				if (b == '.' || b == ',') && !letters && j+1 < len(s) && isASCIIDigit(s[j+1]) && j > i {
					j++ // 3,500 and 1.5 stay one number
					continue
				}
				break
			}
			letters = letters || !isASCIIDigit(b)
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isLatinLetter(r) {
			break
		}
		letters = true
		j += size
	}
	if letters && j < len(s) && s[j] == '.' {
		if k := scanDomain(s, i); k < len(s) && s[k] == '/' {
			return KindURL, scanURL(s, i)
		}
	}
	if !letters {
		return KindNumber, j
	}
	return KindLatin, j
}

// scanDomain returns the end of a dotted host name label.label… at s[i].
func scanDomain(s string, i int) int {
	j, dots := i, 0
	for j < len(s) {
		b := s[j]
		if isASCIIAlnum(b) || b == '-' {
			j++
			continue
		}
		if b == '.' && j+1 < len(s) && isASCIIAlnum(s[j+1]) {
			dots++
			j++
			continue
		}
		break
	}
	if dots == 0 {
		return i
	}
	return j
}

// scanURL scans to the next space, then gives back trailing punctuation that
// ends the sentence rather than the URL.
func scanURL(s string, i int) int {
	j := i
	for j < len(s) {
		b := s[j]
		if b < utf8.RuneSelf {
			if b <= ' ' {
				break
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) || IsArabicLetter(r) || IsEmoji(r) || r == '،' || r == '؟' {
			break
		}
		j += size
	}
	for j > i && strings.IndexByte(".,;:!?)]}'\"", s[j-1]) >= 0 {
		j--
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := range len(prefix) {
		b := s[k]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != prefix[k] {
			return false
		}
	}
	return true
}
