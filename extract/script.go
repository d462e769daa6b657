package extract

import (
	"unicode"
	"unicode/utf8"
)

// Script is the script profile of a post: how many letters of each script it
// has. Classifiers use it to route a post (Arabic-script text, Arabizi,
// English) and as a feature: smugglers' ads mix Latin contact details into
// Arabic text, and Kurdish-accented Arabic writes Persian/Kurdish letters.
type Script struct {
	// Arabic counts Arabic-script letters shared by Arabic (including
	// presentation forms and the Arabic Supplement).
	Arabic int `json:"arabic"`
	// PersianKurdish counts the letters specific to Persian, Kurdish and
	// Urdu: پ چ ژ گ ک ی ڤ ە ۆ ێ ڕ ڵ ھ ے ٹ ڈ ڑ ں ہ ۇ ۋ ې ڭ ۈ ۉ ۀ ۓ ڻ.
	PersianKurdish int `json:"persian_kurdish"`
	// Latin counts Latin letters (ASCII and accented).
	Latin int `json:"latin"`
	// Digits counts decimal digits of every script.
	Digits int `json:"digits"`
	// Other counts letters of any other script (Cyrillic, Greek, CJK…).
	Other int `json:"other"`
	// ArabiziLikely reports Latin-script Arabic; see Profile for the rule.
	ArabiziLikely bool `json:"arabizi_likely"`
}

// Letters is the number of letters of all scripts.
func (s Script) Letters() int { return s.Arabic + s.PersianKurdish + s.Latin + s.Other }

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// ArabicShare is the share of Arabic letters among all letters, 0 for a text
// without letters.
func (s Script) ArabicShare() float64 { return share(s.Arabic, s.Letters()) }

// ArabicScriptShare is the share of Arabic-script letters (Arabic and
// Persian/Kurdish) among all letters.
func (s Script) ArabicScriptShare() float64 {
	return share(s.Arabic+s.PersianKurdish, s.Letters())
}

// PersianKurdishShare is the share of Persian/Kurdish-specific letters among
// all letters.
func (s Script) PersianKurdishShare() float64 { return share(s.PersianKurdish, s.Letters()) }

// LatinShare is the share of Latin letters among all letters.
func (s Script) LatinShare() float64 { return share(s.Latin, s.Letters()) }

// OtherShare is the share of letters of other scripts among all letters.
func (s Script) OtherShare() float64 { return share(s.Other, s.Letters()) }

// DigitShare is the share of digits among letters and digits.
func (s Script) DigitShare() float64 { return share(s.Digits, s.Letters()+s.Digits) }

// Profile counts the letters of each script in text and decides whether it
// is likely Arabizi. It is pure, allocation-free and safe for concurrent use.
//
// The Arabizi rule: at least 6 Latin letters making at least half of the
// letters, and Arabizi markers in at least two words (one is enough when the
// text has fewer than 30 Latin letters). A marker word is
//   - a word with one of the digit-letters 2 3 5 6 7 8 9 (ء ع خ ط ح ق ص)
//     between two letters ("ma3ak", "ta7reeb") or at its start before at
//     least two letters ("3ala", "7abibi"), unless the letters are a unit
//     or an ordinal ("5km", "3rd", "2pm"); or
//   - a common Arabizi word (arabiziWord: yalla, habibi, inshallah, shlonak,
//     mohareb…).
//
// Words inside URLs and @handles, and words in mixed case ("iPhone",
// "AbC7dEf" in an invite code) are not markers: digits in them are not
// letters.
func Profile(text string) Script {
	var s Script
	t := text
	hits := 0
	skipUntil := 0 // end of the URL or @handle being counted
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if !isASCIIAlnum(c) {
				if c == '@' && i+1 < len(t) && isASCIIAlnum(t[i+1]) {
					j := i + 1
					for j < len(t) && (isASCIIAlnum(t[j]) || t[j] == '_' || t[j] == '.') {
						j++
					}
					skipUntil = max(skipUntil, j)
				}
				i++
				continue
			}
			// An ASCII run of letters and digits: count it, and look for
			// Arabizi markers unless it is part of a link or a handle.
			j := i
			for j < len(t) && isASCIIAlnum(t[j]) {
				if isASCIILetter(t[j]) {
					s.Latin++
				} else {
					s.Digits++
				}
				j++
			}
			if i >= skipUntil && urlTokenStart(t, i) {
				if u, ok := scanURL(t, i); ok {
					skipUntil = u.end
				}
			}
			if i >= skipUntil && (i == 0 || (t[i-1] != '_' && t[i-1] != '.')) && arabiziMarker(t[i:j]) {
				hits++
			}
			i = j
			continue
		}
		if c >= 0xD8 && c <= 0xDB && i+1 < len(t) && t[i+1]&0xC0 == 0x80 {
			// The Arabic block, through the generated arabicClassTable.
			switch arabicClassTable[int(c&0x03)<<6|int(t[i+1]&0x3F)] {
			case classArabic:
				s.Arabic++
			case classPersianKurdish:
				s.PersianKurdish++
			case classDigit:
				s.Digits++
			}
			i += 2
			continue
		}
		r, n := decodeRune(t, i)
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			switch arabicClass(r) {
			case classArabic:
				s.Arabic++
			case classPersianKurdish:
				s.PersianKurdish++
			case classDigit:
				s.Digits++
			}
		case r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08FF,
			r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFC:
			if unicode.IsLetter(r) {
				s.Arabic++
			}
		case r == utf8.RuneError:
		case unicode.IsLetter(r):
			if unicode.Is(unicode.Latin, r) {
				s.Latin++
			} else {
				s.Other++
			}
		case unicode.IsDigit(r):
			s.Digits++
		}
		i += n
	}
	letters := s.Letters()
	s.ArabiziLikely = s.Latin >= 6 && 2*s.Latin >= letters &&
		(hits >= 2 || (hits == 1 && s.Latin < 30))
	return s
}

const (
	classNone = iota
	classArabic
	classPersianKurdish
	classDigit
)

// arabicClass classifies a rune of the Arabic block U+0600–U+06FF.
func arabicClass(r rune) int {
	switch r {
	case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ڤ', 'ە', 'ۆ', 'ێ', 'ڕ', 'ڵ', 'ھ', 'ے', 'ٹ', 'ڈ',
		'ڑ', 'ں', 'ہ', 'ۇ', 'ۋ', 'ې', 'ڭ', 'ۈ', 'ۉ', 'ۀ', 'ۓ', 'ڻ':
		return classPersianKurdish
	}
	switch {
	case r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return classDigit
	case r >= 0x0620 && r <= 0x063F, r >= 0x0641 && r <= 0x064A, r == 0x066E, r == 0x066F,
		r >= 0x0671 && r <= 0x06D3, r == 0x06D5, r == 0x06EE, r == 0x06EF,
		r >= 0x06FA && r <= 0x06FC, r == 0x06FF:
		return classArabic
	}
	return classNone // marks, tatweel, punctuation, signs
}

// arabiziMarker reports whether the ASCII run w (letters and digits) is an
// Arabizi marker word; see Profile.
func arabiziMarker(w string) bool {
	if len(w) < 2 || len(w) > wordCap {
		return false
	}
	// Mixed case inside the word: a brand or a code, not typed Arabic.
	upper, lower := 0, 0
	for k := 1; k < len(w); k++ {
		if w[k]-'A' < 26 {
			upper++
		} else if w[k]-'a' < 26 {
			lower++
		}
	}
	if upper > 0 && lower > 0 {
		return false
	}
	var buf [wordCap]byte
	n := 0
	for k := 0; k < len(w); k++ {
		c := lowerASCII(w[k])
		if n > 0 && buf[n-1] == c {
			continue
		}
		buf[n] = c
		n++
	}
	key := buf[:n]
	if arabiziWord(key) {
		return true
	}
	isDL := func(c byte) bool {
		return c == '2' || c == '3' || c == '5' || c == '6' || c == '7' || c == '8' || c == '9'
	}
	letters := 0
	for k := 0; k < len(key); k++ {
		if isASCIILetter(key[k]) {
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	for k := 0; k < len(key); k++ {
		if !isDL(key[k]) {
			continue
		}
		if k > 0 && k+1 < len(key) && isASCIILetter(key[k-1]) && isASCIILetter(key[k+1]) {
			return true
		}
		if k == 0 && len(key) >= 3 && onlyLetters(key[1:]) && !unitSuffix(key[1:]) {
			return true
		}
	}
	return false
}

func onlyLetters(b []byte) bool {
	for _, c := range b {
		if !isASCIILetter(c) {
			return false
		}
	}
	return true
}

// unitSuffix lists what follows a number in English and is not Arabizi
// ("5km", "3rd", "2pm", "4gb"); keys are collapsed like arabiziWord's.
func unitSuffix(k []byte) bool {
	switch string(k) {
	case "nd", "rd", "th", "st", "km", "kg", "am", "pm", "gb", "mb", "tb", "kb", "hz", "m", "cm",
		"ml", "min", "mins", "hr", "hrs", "ms", "px", "dp", "in", "ft", "lb", "lbs", "mp", "yo",
		"yrs", "kw", "ghz", "mhz", "days", "day", "kids", "pcs", "usd", "eur", "euro", "dolar", "k", "x":
		return true
	}
	return false
}

// arabiziWord lists common Arabizi words, lower case and collapsed ("yalla"
// is "yala", "kteer" "kter"), including the route words of the research
// notes (mohareb, ta7reeb, 7dood, fiza, almanya, lokeshen).
func arabiziWord(k []byte) bool {
	switch string(k) {
	case "yala", "habibi", "habibti", "7abibi", "7abibti", "wala", "walah", "inshalah", "inshala",
		"nshalah", "mashalah", "shukran", "marhaba", "mar7aba", "akhi", "a5i", "ukhti", "shlonak",
		"shlon", "shlonkom", "kifak", "kefak", "kifik", "shu", "sho", "shou", "kter", "ktir",
		"mafi", "mish", "msh", "badi", "bidi", "3ala", "ma3", "ya3ni", "yani", "ahlan", "tayeb",
		"tayb", "hek", "heik", "lesh", "lish", "ezay", "izay", "keda", "kda", "lazem", "lazm",
		"mumkin", "momken", "e7na", "i7na", "enta", "inta", "enti", "inti", "5alas", "khalas",
		"wain", "zalame", "zalameh", "habibi7", "salam", "3alaykom", "alaykom", "mohareb",
		"mhareb", "m7areb", "muhareb", "tahreb", "ta7reb", "tahrib", "7dod", "hdod", "7odod",
		"fiza", "feza", "viza", "almanya", "almania", "bolanda", "polanda", "bilarus", "lokeshen",
		"tari2", "madmon", "madmun", "qachaqchi", "qajaqchi":
		return true
	}
	return false
}
