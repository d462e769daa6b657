package evade

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The helpers below undo what the methods insert. They are written from
// the methods' documentation, not from their code, so that a method that
// inserts something else is caught.

// samplePosts are posts in the styles of the corpus: smuggling, visas,
// crossings and everyday talk, with tashkeel, Latin, digits, emojis and
// newlines already in them. None has a one-letter word, a letter three
// times in a row or letters split by separators, so stripping finds only
// what a method put there.
var samplePosts = []string{
	"مهرب لالمانيا عن طريق بيلاروسيا، السعر 3500 يورو والدفع بعد الوصول. للتواصل واتساب 00963944123456",
	"فيزا بيلاروسيا سياحية خلال اسبوع، مضمونة 100%\nالتواصل على الرقم +964 770 555 1234",
	"الحدود البولندية صعبة هالفترة، الغابة فيها شرطة كثير 🌲 انصحكم بطريق ليتوانيا",
	"مُهَرِّب امين من مينسك الى الحدود، توصيل لحد برلين بسعر مناسب",
	"تأشيرة شنغن عن طريق مكتب في اربيل، الدفع بالدولار بعد الفيزا",
	"الطقس اليوم حار جدا في بغداد ولا توجد كهرباء منذ الصباح",
	"مباراة رائعة للمنتخب امس والجمهور كان رهيب",
	"Salam, عندي سؤال about visa to Poland — شنو المطلوب؟",
	"للحجز: ٠٧٧٠-١٢٣-٤٥٦٧ او 0770.555.1234 (واتساب فقط)",
	"نطلع من الكامب بالليل ونمشي بالغابة ساعتين لحد السياج",
}

// corpusPosts returns the texts of the project's authored corpus, or nil
// when it is not there.
var corpusPosts = sync.OnceValue(func() []string {
	f, err := os.Open("../../corpus/posts.jsonl")
	if err != nil {
		return nil
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var v struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &v) == nil && v.Text != "" {
			texts = append(texts, v.Text)
		}
	}
	return texts
})

// mapRunes is strings.Map that keeps invalid bytes as they are (strings.Map
// turns them into U+FFFD).
func mapRunes(s string, f func(r rune) rune) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			b.WriteString(s[i : i+max(n, 1)])
		} else if r = f(r); r >= 0 {
			b.WriteRune(r)
		}
		i += max(n, 1)
	}
	return b.String()
}

// isArabicLetterRef is the package documentation's definition of a letter.
func isArabicLetterRef(r rune) bool {
	return r >= 0x0621 && r <= 0x064A && r != 0x0640 ||
		r >= 0x066E && r <= 0x06FF && unicode.Is(unicode.Lo, r)
}

// isZeroWidth reports the invisible characters ZeroWidth inserts.
func isZeroWidth(r rune) bool { return r == 0x200B || r == 0x200C || r == 0x200D }

// isTashkeel reports Arabic combining marks.
func isTashkeel(r rune) bool {
	return unicode.Is(unicode.Mn, r) && (r >= 0x0610 && r <= 0x061A || r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED)
}

// isEmojiPart reports the runes emojis are made of: pictographs, symbols,
// regional indicators and the emoji variation selector.
func isEmojiPart(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF || r == 0xFE0F
}

func dropZeroWidth(s string) string {
	return mapRunes(s, func(r rune) rune { return keep(r, !isZeroWidth(r)) })
}
func dropTatweel(s string) string {
	return mapRunes(s, func(r rune) rune { return keep(r, r != 0x0640) })
}
func dropTashkeel(s string) string {
	return mapRunes(s, func(r rune) rune { return keep(r, !isTashkeel(r)) })
}
func dropEmojis(s string) string {
	return mapRunes(s, func(r rune) rune { return keep(r, !isEmojiPart(r)) })
}

func keep(r rune, ok bool) rune {
	if ok {
		return r
	}
	return -1
}

// dropEmojiRuns removes each run of emojis with the one space before it,
// which is how Emojis inserts them.
func dropEmojiRuns(s string) string {
	rs := []rune(s)
	var out []rune
	for i := 0; i < len(rs); i++ {
		if isEmojiPart(rs[i]) {
			if len(out) > 0 && out[len(out)-1] == ' ' && (i == 0 || !isEmojiPart(rs[i-1])) {
				out = out[:len(out)-1]
			}
			continue
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// collapseElongation writes each run of three or more of one letter once.
func collapseElongation(s string) string {
	rs := []rune(s)
	var out []rune
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		if j-i >= 3 && isArabicLetterRef(rs[i]) {
			out = append(out, rs[i])
		} else {
			out = append(out, rs[i:j]...)
		}
		i = j
	}
	return string(out)
}

// unsplit joins runs of single letters split by one space, dot or dash,
// the same one throughout the run (م ه ر ب, م.ه.ر.ب).
func unsplit(s string) string {
	rs := []rune(s)
	single := func(i int) bool { // a letter with no letter on either side
		return i >= 0 && i < len(rs) && isArabicLetterRef(rs[i]) &&
			(i == 0 || !isArabicLetterRef(rs[i-1])) && (i+1 == len(rs) || !isArabicLetterRef(rs[i+1]))
	}
	var out []rune
	for i := 0; i < len(rs); i++ {
		out = append(out, rs[i])
		if !single(i) || i+2 >= len(rs) || !strings.ContainsRune(" .-", rs[i+1]) || !single(i+2) {
			continue
		}
		sep := rs[i+1]
		for i+2 < len(rs) && rs[i+1] == sep && single(i+2) {
			out = append(out, rs[i+2])
			i += 2
		}
	}
	return string(out)
}

// squeezeSpaces turns each run of spaces into one space.
func squeezeSpaces(s string) string {
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}

// foldLookAlikes folds each class of Equivalents to its first letter.
func foldLookAlikes(s string) string {
	to := map[rune]rune{}
	for _, c := range Equivalents() {
		for _, r := range c {
			to[r] = c[0]
		}
	}
	return mapRunes(s, func(r rune) rune {
		if f, ok := to[r]; ok {
			return f
		}
		return r
	})
}

// foldDigits writes every digit in ASCII and drops a space, dot or dash
// between two digits.
func foldDigits(s string) string {
	s = mapRunes(s, func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	})
	b := []byte(s)
	var out []byte
	for i, c := range b {
		if (c == ' ' || c == '.' || c == '-') && i > 0 && i+1 < len(b) && isDigit(b[i-1]) && isDigit(b[i+1]) {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// strip undoes every method but Arabizi, LookAlikes and PhoneDigits.
func strip(s string) string {
	s = dropTashkeel(dropTatweel(dropZeroWidth(s)))
	s = collapseElongation(s)
	s = unsplit(s) // before the emojis go: ك ث ي ر 🌲 ا ن ص ح ك م is two words
	s = dropEmojiRuns(s)
	return squeezeSpaces(s)
}

// invalidBytes returns the bytes of s that are not part of valid UTF-8.
func invalidBytes(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[i])
		}
		i += n
	}
	return string(b)
}

// arabicWords returns the words of s by the package documentation: runs of
// letters with the marks, tatweel and zero-width characters inside them.
func arabicWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !isArabicLetterRef(r) && !isTashkeel(r) && r != 0x0640 && !isZeroWidth(r)
	})
}
