package normalize

import "strings"

import "unicode/utf8"

// Arabizi is Arabic written in Latin letters and digits (7dood, m3ak,
// mohareb). No Arabic analyzer handles it and its spelling is free, so
// instead of transliterating it we reduce both scripts to a consonant
// skeleton and compare the skeletons (AppendArabiziSkeleton documents the
// classes). Why each part is left out:
//
//   - vowels, and the semivowels w y و ي: writers spell long vowels in too
//     many ways (fiza, feeza, veeza);
//   - hamza (ء, 2): most writers never write it;
//   - a leading article (ال, al, el, il): so that el7dood meets حدود;
//   - an ain at the start of the word: writers often drop it there (obour,
//     askari for عبور، عسكري), while inside a word they keep it as 3 (s3er
//     for سعر), and so does the skeleton;
//   - a final ة or ه, and a final h that ends no digraph: ghabah writes غابة.
//
// A final يا, يه or ية is written "y", like a final ia, ya, iya or ie, so
// that المانيا ("mny") and اليمن ("mn") stay apart.

// arabiziClasses is the one written table of the consonant classes: the
// class byte, the Arabic letters in it, and the Latin spellings that give
// it. arabiziArabic and AppendArabiziSkeleton are checked against it
// (TestArabiziClassTable). Why the merges:
//
//   - ح and ه (h, 7): few writers keep them apart.
//   - ت ط ث (t, 6, th): th is ث, which Levantine and Egyptian speakers say
//     as ت.
//   - ج ش چ (j, sh, ch): ch is ش for Levantine and Maghrebi writers and چ
//     (folded to ج) for Iraqi and Kurdish ones.
//   - د ض (d, 9'), ز ذ ظ ژ (z, dh, zh, 6'), س ص (s, 9).
//   - ق ك غ گ (q, k, g, gh, 8, 3'): 8 is غ for some writers and ق for
//     others, and Iraqi g is ق or گ. Egyptian g = ج is not supported.
//   - 9 is ص, as in Gulf, Levantine and Iraqi chat (the Maghrebi 9 = ق is
//     not supported), and 2 is hamza, so the Levantine 2 = ق (tari2) is
//     lost.
//   - x is k + s (taxi = تاكسي), not the Kurdish and Turkish خ.
var arabiziClasses = [...]struct {
	class  byte
	arabic string
	latin  []string
}{
	{'b', "بپٻڀ", []string{"b", "p"}},
	{'t', "تطثٹٺٿ", []string{"t", "6", "th"}},
	{'j', "جشچڇ", []string{"j", "sh", "ch"}},
	{'h', "حهةۀہەھۂۃ", []string{"h", "7"}},
	{'x', "خ", []string{"kh", "5", "7'"}},
	{'d', "دضڈڎ", []string{"d", "9'"}},
	{'z', "زذظژ", []string{"z", "dh", "zh", "6'"}},
	{'r', "رڑڒڕ", []string{"r"}},
	{'s', "سص", []string{"s", "ce", "9"}},
	{'e', "ع", []string{"3"}},
	{'q', "قكغگکڨڧڪګڭڳ", []string{"q", "k", "g", "gh", "ca", "ck", "8", "3'"}},
	{'f', "فڤڢڥ", []string{"f", "v", "ph"}},
	{'l', "لڵڶ", []string{"l"}},
	{'m', "م", []string{"m"}},
	{'n', "نںڻ", []string{"n"}},
}

// arabiziVowels are the Arabic letters a skeleton leaves out: alef, waw and
// yeh in all the forms the default Normalizer folds to them, and hamza.
const arabiziVowels = "اأإآٱٲٳٵ" + "وؤٶۆۇۈۉۋ" + "يىئیےٸۍێېۓ" + "ء"

// arabiziVowel marks a letter of arabiziVowels in arabiziArabic.
const arabiziVowel = 1

// arabiziArabic maps the rune U+0600+i to its class byte, arabiziVowel, or
// 0 for a rune that is no letter. It is written out from arabiziClasses and
// arabiziVowels, and checked against them.
var arabiziArabic = [256]byte{
	'ب' - 0x600: 'b', 'پ' - 0x600: 'b', 'ٻ' - 0x600: 'b', 'ڀ' - 0x600: 'b',
	'ت' - 0x600: 't', 'ط' - 0x600: 't', 'ث' - 0x600: 't',
	'ٹ' - 0x600: 't', 'ٺ' - 0x600: 't', 'ٿ' - 0x600: 't',
	'ج' - 0x600: 'j', 'ش' - 0x600: 'j', 'چ' - 0x600: 'j', 'ڇ' - 0x600: 'j',
	'ح' - 0x600: 'h', 'ه' - 0x600: 'h', 'ة' - 0x600: 'h', 'ۀ' - 0x600: 'h', 'ہ' - 0x600: 'h',
	'ە' - 0x600: 'h', 'ھ' - 0x600: 'h', 'ۂ' - 0x600: 'h', 'ۃ' - 0x600: 'h',
	'خ' - 0x600: 'x',
	'د' - 0x600: 'd', 'ض' - 0x600: 'd', 'ڈ' - 0x600: 'd', 'ڎ' - 0x600: 'd',
	'ز' - 0x600: 'z', 'ذ' - 0x600: 'z', 'ظ' - 0x600: 'z', 'ژ' - 0x600: 'z',
	'ر' - 0x600: 'r', 'ڑ' - 0x600: 'r', 'ڒ' - 0x600: 'r', 'ڕ' - 0x600: 'r',
	'س' - 0x600: 's', 'ص' - 0x600: 's',
	'ع' - 0x600: 'e',
	'ق' - 0x600: 'q', 'ك' - 0x600: 'q', 'غ' - 0x600: 'q', 'گ' - 0x600: 'q', 'ک' - 0x600: 'q',
	'ڨ' - 0x600: 'q', 'ڧ' - 0x600: 'q', 'ڪ' - 0x600: 'q', 'ګ' - 0x600: 'q', 'ڭ' - 0x600: 'q',
	'ڳ' - 0x600: 'q',
	'ف' - 0x600: 'f', 'ڤ' - 0x600: 'f', 'ڢ' - 0x600: 'f', 'ڥ' - 0x600: 'f',
	'ل' - 0x600: 'l', 'ڵ' - 0x600: 'l', 'ڶ' - 0x600: 'l',
	'م' - 0x600: 'm',
	'ن' - 0x600: 'n', 'ں' - 0x600: 'n', 'ڻ' - 0x600: 'n',

	'ا' - 0x600: arabiziVowel, 'أ' - 0x600: arabiziVowel, 'إ' - 0x600: arabiziVowel,
	'آ' - 0x600: arabiziVowel, 'ٱ' - 0x600: arabiziVowel, 'ٲ' - 0x600: arabiziVowel,
	'ٳ' - 0x600: arabiziVowel, 'ٵ' - 0x600: arabiziVowel,
	'و' - 0x600: arabiziVowel, 'ؤ' - 0x600: arabiziVowel, 'ٶ' - 0x600: arabiziVowel,
	'ۆ' - 0x600: arabiziVowel, 'ۇ' - 0x600: arabiziVowel, 'ۈ' - 0x600: arabiziVowel,
	'ۉ' - 0x600: arabiziVowel, 'ۋ' - 0x600: arabiziVowel,
	'ي' - 0x600: arabiziVowel, 'ى' - 0x600: arabiziVowel, 'ئ' - 0x600: arabiziVowel,
	'ی' - 0x600: arabiziVowel, 'ے' - 0x600: arabiziVowel, 'ٸ' - 0x600: arabiziVowel,
	'ۍ' - 0x600: arabiziVowel, 'ێ' - 0x600: arabiziVowel, 'ې' - 0x600: arabiziVowel,
	'ۓ' - 0x600: arabiziVowel,
	'ء' - 0x600: arabiziVowel,
}

// arabiziLetter returns the class of an Arabic rune and whether it is a
// letter at all (the vowels are letters of class 0).
func arabiziLetter(r rune) (class byte, letter bool) {
	if r < 0x600 || r > 0x6FF {
		return 0, false
	}
	switch c := arabiziArabic[r-0x600]; c {
	case 0:
		return 0, false
	case arabiziVowel:
		return 0, true
	default:
		return c, true
	}
}

// arabiziIsYa reports whether r is ي or a letter the normalizer folds to
// it, so that raw and normalized words get the same skeleton; the same for
// arabiziIsHeh and ه, and arabiziIsAlef and ا.
func arabiziIsYa(r rune) bool {
	switch r {
	case 'ي', 'ى', 'ئ', 'ی', 'ے', 'ٸ', 'ۍ', 'ێ', 'ې', 'ۓ':
		return true
	}
	return false
}

func arabiziIsHeh(r rune) bool {
	switch r {
	case 'ه', 'ة', 'ۀ', 'ہ', 'ە', 'ھ', 'ۂ', 'ۃ':
		return true
	}
	return false
}

func arabiziIsAlef(r rune) bool {
	switch r {
	case 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ', 'ٵ':
		return true
	}
	return false
}

// arabiziAppend appends class c to the skeleton dst[start:] unless c is 0 or
// the skeleton already ends with it.
func arabiziAppend(dst []byte, start int, c byte) []byte {
	if c == 0 || (len(dst) > start && dst[len(dst)-1] == c) {
		return dst
	}
	return append(dst, c)
}

// AppendArabicSkeleton appends to dst the consonant skeleton of an Arabic
// word, in the classes AppendArabiziSkeleton documents: مهرب gives "mhrb",
// حدود and الحدود "hd", غابة "qb", المانيا "mny". It expects a word of
// normalized text, but gives the same skeleton for the raw letters of the
// Arabic block (U+0600–U+06FF): hamza forms, ى, ة and the Persian, Kurdish
// and Urdu letters fall in the classes the default Normalizer folds them
// to, and marks, tatweel, digits and anything else are skipped.
// Presentation forms are not read: normalize first. It allocates nothing
// when dst has room and is safe for concurrent use.
func AppendArabicSkeleton(dst []byte, arabic string) []byte {
	// One pass gathers each letter's class and kind (every letter of the
	// Arabic block is two bytes, D8–DB and a continuation byte); the rules
	// that look at the first and last letters then read the arrays.
	var class, kind [skeletonLetters]byte
	n := 0
	for i := 0; i < len(arabic); {
		b := arabic[i]
		var idx int
		if b >= 0xD8 && b <= 0xDB && i+1 < len(arabic) && arabic[i+1]&0xC0 == 0x80 {
			idx = int(b-0xD8)<<6 | int(arabic[i+1]&0x3F)
			i += 2
		} else {
			if b < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(arabic[i:])
			i += size
			if r < 0x600 || r > 0x6FF {
				continue
			}
			idx = int(r - 0x600)
		}
		k := skeletonKind[idx]
		if k == 0 {
			continue
		}
		if n == skeletonLetters {
			return appendArabicSkeletonSlow(dst, arabic)
		}
		class[n], kind[n] = arabiziArabic[idx], k
		if class[n] == arabiziVowel {
			class[n] = 0
		}
		n++
	}
	start, from := len(dst), 0
	if n >= 4 && kind[0]&kindAlef != 0 && kind[1]&kindLam != 0 {
		from = 2
	}
	for j := from; j < n; j++ {
		c := class[j]
		if j == from && kind[j]&kindAin != 0 || j == n-1 && kind[j]&kindHeh != 0 {
			c = 0
		}
		dst = arabiziAppend(dst, start, c)
	}
	if n >= 3 && kind[n-2]&kindYa != 0 && kind[n-1]&(kindAlef|kindHeh) != 0 {
		dst = arabiziAppend(dst, start, 'y')
	}
	return dst
}

// skeletonLetters is how many letters AppendArabicSkeleton reads in one
// pass; longer words take the two-pass way.
const skeletonLetters = 48

// The kinds of letters the skeleton rules look at, in skeletonKind.
const (
	kindLetter = 1 << iota
	kindAlef
	kindLam
	kindYa
	kindHeh
	kindAin
)

// skeletonKind holds the kind bits of the rune U+0600+i: 0 for a rune that
// is no letter.
var skeletonKind = func() (t [256]byte) {
	for i := range t {
		r := rune(0x600 + i)
		if _, ok := arabiziLetter(r); !ok {
			continue
		}
		t[i] = kindLetter
		if arabiziIsAlef(r) {
			t[i] |= kindAlef
		}
		if r == 'ل' {
			t[i] |= kindLam
		}
		if arabiziIsYa(r) {
			t[i] |= kindYa
		}
		if arabiziIsHeh(r) {
			t[i] |= kindHeh
		}
		if r == 'ع' {
			t[i] |= kindAin
		}
	}
	return t
}()

// appendArabicSkeletonSlow is AppendArabicSkeleton in two passes over the
// runes, for words of more than skeletonLetters letters.
func appendArabicSkeletonSlow(dst []byte, arabic string) []byte {
	start := len(dst)
	// Find the letters: the first two (for the article), the first after
	// the article (for a dropped ain) and the last two (for the endings).
	var first, second, last, prev rune
	secondEnd, lastAt, letters := 0, -1, 0
	for i, r := range arabic {
		if _, ok := arabiziLetter(r); !ok {
			continue
		}
		letters++
		switch letters {
		case 1:
			first = r
		case 2:
			second, secondEnd = r, i+utf8.RuneLen(r)
		}
		prev, last, lastAt = last, r, i
	}
	from := 0
	if letters >= 4 && arabiziIsAlef(first) && second == 'ل' {
		from = secondEnd
	}
	finalY := letters >= 3 && arabiziIsYa(prev) &&
		(arabiziIsAlef(last) || arabiziIsHeh(last))

	initial := true
	for i, r := range arabic[from:] {
		class, ok := arabiziLetter(r)
		if !ok {
			continue
		}
		switch {
		case initial && r == 'ع':
			class = 0
		case from+i == lastAt && arabiziIsHeh(r):
			class = 0
		}
		initial = false
		dst = arabiziAppend(dst, start, class)
	}
	if finalY {
		dst = arabiziAppend(dst, start, 'y')
	}
	return dst
}

// arabiziLower returns the ASCII lower case of b.
func arabiziLower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

func arabiziIsVowel(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u', 'w', 'y':
		return true
	}
	return false
}

func arabiziIsLetter(b byte) bool { return 'a' <= b && b <= 'z' }

// arabiziAt returns the lower-cased byte of s at i, or 0 past the end.
func arabiziAt(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return arabiziLower(s[i])
}

// AppendArabiziSkeleton appends to dst the consonant skeleton of a Latin
// (Arabizi) token, to be compared with the skeleton AppendArabicSkeleton
// gives an Arabic word: mohareb, muharrib, m7areb and مهرب all give "mhrb";
// fiza, viza, veeza and فيزا "fz"; 7dood, el7dood and حدود "hd"; 8aba,
// ghaba and غابة "qb".
//
// A skeleton is one byte per consonant class, in the order of the word, a
// class repeated next to itself (even across vowels) written once. The
// classes merge the sounds Arabizi writers confuse:
//
//	class  Arabic        Latin
//	b      ب پ           b p
//	t      ت ط ث         t 6 th
//	j      ج ش چ         j sh ch
//	h      ح ه ة         h 7
//	x      خ             kh 5 7'
//	d      د ض           d 9'
//	z      ز ذ ظ ژ       z dh zh 6'
//	r      ر             r
//	s      س ص           s 9, c before e i y
//	e      ع             3, except at the start of a word
//	q      ق ك غ گ       q k g gh 8 3', c elsewhere
//	f      ف ڤ           f v ph
//	l m n  ل م ن         l m n
//	y      final يا يه ية  final ia ya iya ie
//
// and x is written qs (taxi, تاكسي). Left out are vowels (a e i o u w y, ا
// و ي ى), hamza (ء, 2), a leading article (ال, al, el, il), an ain at the
// start of the word, and a final ة or ه (a final h after a or e). A digit
// next to another digit belongs to a number and is skipped, upper-case
// ASCII is lowered, and other bytes are skipped. So 2 for ق (tari2), 9 for
// ق, and the Egyptian g for ج are not read as such.
//
// Skeletons of one or two classes are weak evidence, since many unrelated
// words share them: callers should ask for three classes or more, or for an
// Arabizi cue in the post (LooksArabizi), before trusting a match.
// AppendArabiziSkeleton allocates nothing when dst has room and is safe for
// concurrent use.
func AppendArabiziSkeleton(dst []byte, latin string) []byte {
	start := len(dst)
	end := len(latin)
	// A final h writes ة or ه (ghabah, zalameh, ghrfh), which the Arabic
	// skeleton drops too, unless it ends a digraph (sh, kh, gh, th, dh…).
	if end >= 3 && arabiziAt(latin, end-1) == 'h' {
		if v := arabiziAt(latin, end-2); !strings.ContainsRune("sckgtdz", rune(v)) {
			end--
		}
	}
	finalY := end >= 3 && (arabiziAt(latin, end-1) == 'a' || arabiziAt(latin, end-1) == 'e') &&
		(arabiziAt(latin, end-2) == 'i' || arabiziAt(latin, end-2) == 'y')
	i := 0
	if end >= 4 && arabiziAt(latin, 1) == 'l' {
		switch arabiziAt(latin, 0) {
		case 'a', 'e', 'i':
			i = 2
		}
	}
	initial := true
	for ; i < end; i++ {
		c, next := arabiziAt(latin, i), arabiziAt(latin, i+1)
		if i+1 >= end {
			next = 0
		}
		if arabiziIsDigit(c) && (arabiziIsDigit(arabiziAt(latin, i-1)) || arabiziIsDigit(next)) {
			continue // a number, not digit letters
		}
		var class byte
		switch c {
		case 'b':
			class = 'b'
		case 'p':
			class = 'b'
			if next == 'h' {
				class = 'f'
				i++
			}
		case 'c':
			switch next {
			case 'h':
				class = 'j'
				i++
			case 'e', 'i', 'y':
				class = 's'
			default:
				class = 'q'
			}
		case 'd':
			class = 'd'
			if next == 'h' {
				class = 'z'
				i++
			}
		case 'f', 'v':
			class = 'f'
		case 'g':
			class = 'q'
			if next == 'h' {
				i++
			}
		case 'h':
			class = 'h'
		case 'j':
			class = 'j'
		case 'k':
			class = 'q'
			if next == 'h' {
				class = 'x'
				i++
			}
		case 'l', 'm', 'n', 'r':
			class = c
		case 'q':
			class = 'q'
		case 's':
			class = 's'
			if next == 'h' {
				class = 'j'
				i++
			}
		case 't':
			class = 't'
			if next == 'h' {
				i++
			}
		case 'x':
			dst = arabiziAppend(dst, start, 'q')
			class = 's'
		case 'z':
			class = 'z'
			if next == 'h' {
				i++
			}
		case '3':
			switch {
			case next == '\'':
				class = 'q'
				i++
			case !initial:
				class = 'e'
			}
		case '5':
			class = 'x'
		case '6':
			class = 't'
			if next == '\'' {
				class = 'z'
				i++
			}
		case '7':
			class = 'h'
			if next == '\'' {
				class = 'x'
				i++
			}
		case '8':
			class = 'q'
		case '9':
			class = 's'
			if next == '\'' {
				class = 'd'
				i++
			}
		}
		if arabiziIsLetter(c) || ('0' <= c && c <= '9') {
			initial = false
		}
		dst = arabiziAppend(dst, start, class)
	}
	if finalY {
		dst = arabiziAppend(dst, start, 'y')
	}
	return dst
}

// LooksArabizi reports whether a Latin token carries a mark of Arabizi that
// English lacks, for the matcher to decide whether to compare skeletons at
// all (ordinary English words such as "hard" or "more" have skeletons too).
// The marks are:
//
//   - a digit letter (2 3 5 6 7 8 9) between two letters (ma3ak, ta2shira,
//     mar7aba), in a token that has a vowel (not b2b);
//   - such a digit at the start, before two letters or more that are not an
//     English unit or ordinal (7dood, 3ala, 5alas; not 2nd, 5km, 7pm, 2day);
//   - a final 3 or 7 after a vowel (ma3, sa7; not mp3, gr8);
//   - kh anywhere (khalas), gh at the start before a, i or u (ghaba, not
//     ghost), a doubled aa (baa2i), and q not followed by u (tariq).
//
// Numbers are not Arabizi: a digit next to another digit (2021, covid19)
// never counts. Arabizi written with plain letters only (mohareb, almanya)
// is not recognized: a matcher can treat every Latin token of a post as
// Arabizi once one of them is. LooksArabizi allocates nothing and is safe
// for concurrent use.
func LooksArabizi(latin string) bool {
	hasVowel := false
	for i := 0; i < len(latin); i++ {
		if arabiziIsVowel(arabiziLower(latin[i])) {
			hasVowel = true
			break
		}
	}
	if !hasVowel {
		return false
	}
	for i := 0; i < len(latin); i++ {
		c, next := arabiziAt(latin, i), arabiziAt(latin, i+1)
		switch c {
		case '2', '3', '5', '6', '7', '8', '9':
			prev := arabiziAt(latin, i-1)
			if arabiziIsDigit(prev) || arabiziIsDigit(next) {
				continue
			}
			prevLetter := arabiziIsLetter(prev)
			nextLetter := arabiziIsLetter(next) || next == '\''
			switch {
			case prevLetter && nextLetter:
				return true
			case nextLetter && arabiziLeadingDigit(latin[i+1:]):
				return true
			case prevLetter && (c == '3' || c == '7') && arabiziIsVowel(prev) && !arabiziIsLetter(next):
				return true
			}
		case 'k':
			if next == 'h' {
				return true
			}
		case 'g':
			if i == 0 && next == 'h' {
				switch arabiziAt(latin, 2) {
				case 'a', 'i', 'u':
					return true
				}
			}
		case 'a':
			if next == 'a' {
				return true
			}
		case 'q':
			if next != 'u' {
				return true
			}
		}
	}
	return false
}

func arabiziIsDigit(b byte) bool { return '0' <= b && b <= '9' }

// arabiziLeadingDigit reports whether rest, the token after a leading digit
// letter, reads as Arabizi rather than as an English unit, ordinal or
// texting word: it must start with two letters and not be one of those.
func arabiziLeadingDigit(rest string) bool {
	n := 0
	for n < len(rest) && (arabiziIsLetter(arabiziLower(rest[n])) || rest[n] == '\'') {
		n++
	}
	if n < 2 {
		return false
	}
	w := rest[:n]
	for _, english := range [...]string{
		"st", "nd", "rd", "th", "am", "pm", "hr", "hrs", "min", "mins", "sec",
		"kg", "km", "gb", "mb", "kb", "tb", "mm", "cm", "ml", "lb", "lbs", "ft",
		"day", "days", "morrow", "nite", "night", "gether", "ur",
	} {
		if arabiziEqualFold(w, english) {
			return false
		}
	}
	return true
}

// arabiziEqualFold is strings.EqualFold for ASCII, without its Unicode work.
func arabiziEqualFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if arabiziLower(s[i]) != lower[i] {
			return false
		}
	}
	return true
}
