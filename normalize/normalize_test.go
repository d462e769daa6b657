package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// foldCases covers every group of the table and every step of the default.
var foldCases = []struct{ name, in, want string }{
	{"empty", "", ""},
	{"plain Arabic", "مهرب", "مهرب"},
	{"tashkeel", "مُهَرِّب", "مهرب"},
	{"tanween and sukun", "كِتابًا مُسْلِمٌ", "كتابا مسلم"},
	{"dagger alef", "هٰذا", "هذا"},
	{"Quranic marks", "الرَّحِيمِۖ", "الرحيم"},
	{"honorific sign", "محمد\u0610", "محمد"},
	{"tatweel", "مهربـــين", "مهربين"},
	{"alef hamza above", "أحمد", "احمد"},
	{"alef hamza below", "إلى", "الي"},
	{"alef madda", "آخر", "اخر"},
	{"alef wasla", "ٱلله", "الله"},
	{"decomposed hamza on alef", "ا\u0654حمد", "احمد"},
	{"decomposed madda", "ا\u0653خر", "اخر"},
	{"waw hamza", "مؤسسة", "موسسه"},
	{"yeh hamza", "سائق", "سايق"},
	{"lone hamza stays", "سماء", "سماء"},
	{"alef maksura", "على", "علي"},
	{"teh marbuta", "تأشيرة", "تاشيره"},
	{"Persian yeh", "کیف", "كيف"},
	{"yeh barree", "ہاے", "هاي"},
	{"keheh", "کاکا", "كاكا"},
	{"gaf", "گروب", "كروب"},
	{"veh", "ڤيزا", "فيزا"},
	{"peh", "پولندا", "بولندا"},
	{"tcheh", "چاي", "جاي"},
	{"jeh", "ژن", "زن"},
	{"Kurdish letters", "ڕێگە ڵ ۆ", "ريكه ل و"},
	{"heh doachashmee", "ھے", "هي"},
	{"heh goal", "زادہ", "زاده"},
	{"heh yeh", "کتابۀ", "كتابه"},
	{"Maghrebi qaf", "ڨال", "قال"},
	{"Urdu letters", "ٹڈڑں", "تدرن"},
	{"Arabic-Indic digits", "٠١٢٣٤٥٦٧٨٩", "0123456789"},
	{"Extended digits", "۰۱۲۳۴۵۶۷۸۹", "0123456789"},
	{"fullwidth digits", "０１２３", "0123"},
	{"mixed digits", "+٣٧٥ ۲۹ 000", "+375 29 000"},
	{"Arabic punctuation", "نعم، لا؛ متى؟", "نعم, لا; متي?"},
	{"decimal and thousands", "٣٫٥ ٣٬٥٠٠ ٪", "3.5 3,500 %"},
	{"fullwidth Latin", "ＷｈａｔｓＡｐｐ！", "whatsapp!"},
	{"Latin lower", "WhatsApp VISA", "whatsapp visa"},
	{"Cyrillic lower", "Минск", "минск"},
	{"Latin accents lower", "ÉTÉ", "été"},
	{"presentation forms", "ﻣﻬﺮﺏ", "مهرب"},
	{"lam-alef ligature", "ﻻجئين", "لاجيين"},
	{"Allah ligature", "ﷲ", "الله"},
	{"salla ligature", "ﷺ", "صلي الله عليه وسلم"},
	{"presentation tashkeel", "\uFE70", " "},
	{"ZWNJ inside word", "مه\u200cرب", "مهرب"},
	{"ZWJ and ZWSP", "م\u200dه\u200bرب", "مهرب"},
	{"bidi controls", "\u202Bمهرب\u202C \u200Fتهريب\u200E \u2067x\u2069 \u061C", "مهرب تهريب x "},
	{"BOM", "\uFEFFمهرب", "مهرب"},
	{"soft hyphen", "smug\u00ADgler", "smuggler"},
	{"variation selector", "✈\uFE0F", "✈"},
	{"NUL and controls", "a\x00b\x07c\x1bd\x7fe", "a b c d e"},
	{"C1 control", "a\u0085b\u0090c", "a\nb c"},
	{"tab and newline kept", "a\tb\nc", "a\tb\nc"},
	{"CRLF", "a\r\nb", "a \nb"},
	{"Unicode spaces", "a\u00A0b\u2003c\u3000d\u202Fe", "a b c d e"},
	{"line separator", "a\u2028b", "a\nb"},
	{"invalid UTF-8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
	{"surrogate bytes", "\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
	{"elongation", "تهرييييب", "تهريب"},
	{"elongation of three", "مضمووون", "مضمون"},
	{"double stays", "ممنوع قرر", "ممنوع قرر"},
	{"laughter", "ههههههه", "ه"},
	{"elongation across tatweel", "يـيـيـا", "يا"},
	{"elongation across ZWNJ", "ه\u200cه\u200cه", "ه"},
	{"elongation after folds", "ىيى", "ي"},
	{"digits never collapse", "3000 5555", "3000 5555"},
	{"Latin never collapses", "www soooo", "www soooo"},
	{"emoji kept", "🇩🇪✈️🔥", "🇩🇪✈🔥"},
	{"mixed post", "مُهرّب لألمانيا 💯 WhatsApp ٠٠٩٦٤٧٧٠٠٠٠١٢٣٤", "مهرب لالمانيا 💯 whatsapp 009647700001234"},
}

func TestFold(t *testing.T) {
	for _, c := range foldCases {
		got := String(c.in)
		if got != c.want {
			t.Errorf("%s: String(%+q) = %+q, want %+q", c.name, c.in, got, c.want)
		}
		if got := string(Append(nil, []byte(c.in))); got != c.want {
			t.Errorf("%s: Append(%+q) = %+q, want %+q", c.name, c.in, got, c.want)
		}
	}
}

func TestOptions(t *testing.T) {
	cases := []struct {
		name string
		opt  Option
		in   string
		want string
	}{
		{"keep diacritics", KeepDiacritics(), "مُهَرِّبـين", "مُهَرِّبين"},
		{"keep tatweel", KeepTatweel(), "مهربـــين", "مهربـــين"},
		{"keep invisible", KeepInvisible(), "مه\u200cرب", "مه\u200cرب"},
		{"keep hamza", KeepHamza(), "أإآ ؤ ئ ا\u0654", "أإآ ؤ ئ ا\u0654"},
		{"keep alef variants", KeepAlefVariants(), "ٱلله أحمد", "ٱلله احمد"},
		{"keep alef maksura", KeepAlefMaksura(), "على", "على"},
		{"keep teh marbuta", KeepTehMarbuta(), "تأشيرة", "تاشيرة"},
		{"keep Persian", KeepPersianLetters(), "ڤيزا کاکا", "ڤيزا کاکا"},
		{"keep digits", KeepDigits(), "٣٥٠٠ ۲۹", "٣٥٠٠ ۲۹"},
		{"keep punctuation", KeepPunctuation(), "نعم، لا؟", "نعم، لا؟"},
		{"keep width", KeepWidth(), "ＷＡ１", "ｗａ1"},
		{"keep case", KeepCase(), "WhatsApp", "WhatsApp"},
		{"keep elongation", KeepElongation(), "تهرييييب", "تهرييييب"},
		{"keep presentation forms", KeepPresentationForms(), "ﻣﻬﺮﺏ", "ﻣﻬﺮﺏ"},
		{"separators are always folded", KeepInvisible(), "a\x00b", "a b"},
		{"nil option is ignored", nil, "أ", "ا"},
	}
	for _, c := range cases {
		n := New(c.opt)
		if got := n.String(c.in); got != c.want {
			t.Errorf("%s: String(%+q) = %+q, want %+q", c.name, c.in, got, c.want)
		}
		if got := n.String(n.String(c.in)); got != n.String(c.in) {
			t.Errorf("%s: not idempotent on %+q: %+q", c.name, c.in, got)
		}
	}
}

func TestOptionOrderDoesNotMatter(t *testing.T) {
	a := New(KeepHamza(), KeepTehMarbuta(), KeepCase())
	b := New(KeepCase(), KeepTehMarbuta(), KeepHamza())
	require.Equal(t, a.Version(), b.Version())
	in := "أهلاً بالمدينة Minsk"
	require.Equal(t, a.String(in), b.String(in))
}

func TestVersion(t *testing.T) {
	require.Equal(t, "ghurbal-normalize/"+tableVersion, Default().Version())
	require.Equal(t, Default().Version(), New().Version())
	seen := map[string]bool{Default().Version(): true}
	for _, o := range []Option{KeepDiacritics(), KeepTatweel(), KeepInvisible(), KeepHamza(), KeepAlefVariants(),
		KeepAlefMaksura(), KeepTehMarbuta(), KeepPersianLetters(), KeepDigits(), KeepPunctuation(), KeepWidth(),
		KeepCase(), KeepElongation(), KeepPresentationForms()} {
		v := New(o).Version()
		require.False(t, seen[v], "two option sets share version %q", v)
		seen[v] = true
	}
}

// TestTableIsProjection checks the table's promise: a rune is in at most one
// class, no representative is a member, and folding any rune twice equals
// folding it once.
func TestTableIsProjection(t *testing.T) {
	member := map[rune]string{}
	for _, c := range classes {
		for _, m := range c.members {
			if prev, ok := member[m]; ok {
				t.Errorf("%U is in two classes: %q and %q", m, prev, c.why)
			}
			member[m] = c.why
		}
	}
	for _, c := range classes {
		if c.rep == drop {
			continue
		}
		if why, ok := member[c.rep]; ok {
			t.Errorf("representative %+q of %q is a member of %q", c.rep, c.why, why)
		}
	}
	n := Default()
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		once := n.String(string(r))
		if twice := n.String(once); twice != once {
			t.Fatalf("%U: folds to %+q, then to %+q", r, once, twice)
		}
	}
}

func TestAlreadyNormalIsReturnedWithoutAllocating(t *testing.T) {
	s := strings.Repeat("مهرب الي المانيا 3500$ whatsapp 🔥 ", 20)
	require.True(t, Default().IsNormal(s))
	allocs := testing.AllocsPerRun(100, func() {
		if String(s) != s {
			t.Fatal("changed")
		}
	})
	require.Zero(t, allocs)
	require.Equal(t, 0, strings.Compare(String(s), s))
}

func TestAppendDoesNotAllocate(t *testing.T) {
	src := []byte(strings.Repeat("مُهَرِّبـــين إلى ألمانيا ﻣﻬﺮﺏ ٣٥٠٠ WhatsApp ", 10))
	dst := make([]byte, 0, 4*len(src))
	allocs := testing.AllocsPerRun(100, func() { dst = Append(dst[:0], src) })
	require.Zero(t, allocs)
}

func TestTextDoesNotAllocateWhenReused(t *testing.T) {
	src := strings.Repeat("مُهَرِّبـــين إلى ألمانيا ﻣﻬﺮﺏ ٣٥٠٠ WhatsApp ", 10)
	var txt Text
	Default().Text(&txt, src)
	allocs := testing.AllocsPerRun(100, func() {
		Default().Text(&txt, src)
		for tok, i := txt.NextToken(0); tok.Kind != 0; tok, i = txt.NextToken(i) {
			_ = tok
		}
	})
	require.Zero(t, allocs)
}

func TestIsNormalAgreesWithString(t *testing.T) {
	for _, c := range foldCases {
		n := Default()
		require.Equal(t, n.String(c.in) == c.in, n.IsNormal(c.in), "%+q", c.in)
	}
}

func TestIsArabicLetter(t *testing.T) {
	for _, r := range "ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىپچژگکیە" {
		require.True(t, IsArabicLetter(r), "%+q", r)
	}
	for _, r := range "a1٣\u064e\u0640،؟ !🔥" {
		require.False(t, IsArabicLetter(r), "%+q", r)
	}
}
