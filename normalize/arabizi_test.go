package normalize

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// arabiziMatches are Arabizi spellings and the Arabic word they write, as
// Iraqi, Syrian, Levantine and Gulf writers spell them: the route
// vocabulary of shared/research/smuggling-vocab.md §4 and everyday chat
// words. Their skeletons must be equal.
var arabiziMatches = []struct{ latin, arabic string }{
	// smuggler, smuggling
	{"mohareb", "مهرب"}, {"muharrib", "مهرب"}, {"m7areb", "مهرب"},
	{"mhareb", "مهرب"}, {"mu7arib", "مهرب"}, {"mohrib", "مهرب"},
	{"mharbeen", "مهربين"}, {"mohrbin", "مهربين"},
	{"tahreeb", "تهريب"}, {"ta7rib", "تهريب"}, {"tahrib", "تهريب"}, {"t7reeb", "تهريب"},
	{"qachaqchi", "قجقجي"}, {"qajaqchi", "قجقچي"},
	{"wasit", "وسيط"}, {"waseet", "وسيط"},
	// visa and papers
	{"fiza", "فيزا"}, {"viza", "فيزا"}, {"veeza", "فيزا"}, {"feeza", "ڤيزا"},
	{"tashira", "تأشيرة"}, {"ta2shira", "تأشيرة"}, {"ta2sheera", "تاشيره"},
	{"da3wa", "دعوة"}, {"jawaz", "جواز"}, {"safara", "سفارة"}, {"sefara", "سفارة"},
	{"jinsiya", "جنسية"}, {"jensiyeh", "جنسية"}, {"iqama", "إقامة"},
	{"tazkara", "تذكرة"}, {"maktab", "مكتب"},
	// border and crossing
	{"7dood", "حدود"}, {"hdood", "حدود"}, {"7odood", "حدود"}, {"hudud", "الحدود"},
	{"el7dood", "الحدود"}, {"il7dood", "حدود"}, {"wel7dood", "والحدود"},
	{"8aba", "غابة"}, {"ghaba", "غابة"}, {"ghabah", "غابه"}, {"ghabat", "غابات"},
	{"siyaj", "سياج"}, {"3obour", "عبور"}, {"obour", "عبور"},
	{"tareeq", "طريق"}, {"madmoun", "مضمون"}, {"madmoon", "مضمون"},
	{"khareeta", "خريطة"}, {"5arita", "خريطة"}, {"lokeshen", "لوكيشن"},
	{"balam", "بلم"}, {"ba7r", "بحر"}, {"bahr", "بحر"},
	{"kamb", "كمب"}, {"camp", "كامب"}, {"lajee2", "لاجئ"}, {"lujoo2", "لجوء"},
	{"mohajer", "مهاجر"}, {"muhajir", "مهاجر"}, {"mhajreen", "مهاجرين"},
	{"shorta", "شرطة"}, {"shurta", "شرطة"}, {"jaish", "جيش"},
	// places
	{"almanya", "ألمانيا"}, {"almania", "المانيا"}, {"almaniya", "ألمانيا"},
	{"bolanda", "بولندا"}, {"polanda", "بولندا"},
	{"belarus", "بيلاروس"}, {"bilarusya", "بيلاروسيا"}, {"belarosia", "بيلاروسيا"},
	{"litwania", "ليتوانيا"}, {"lituania", "ليتوانيا"}, {"minsk", "مينسك"},
	{"surya", "سوريا"}, {"souria", "سوريا"}, {"3raq", "العراق"}, {"el3raq", "العراق"},
	{"turkia", "تركيا"}, {"istanbul", "اسطنبول"}, {"orobba", "أوروبا"}, {"europa", "أوروبا"},
	// money, transport
	{"dolar", "دولار"}, {"dollar", "دولار"}, {"flous", "فلوس"}, {"masari", "مصاري"},
	{"taxi", "تاكسي"}, {"taksi", "تكسي"}, {"sayyara", "سيارة"}, {"sayara", "سياره"},
	{"tayyara", "طيارة"}, {"matar", "مطار"}, {"rehla", "رحلة"}, {"ri7la", "رحلة"},
	{"s3er", "سعر"}, {"si3r", "سعر"},
	// chat
	{"khalas", "خلاص"}, {"5alas", "خلاص"}, {"mar7aba", "مرحبا"}, {"marhaba", "مرحبا"},
	{"9aba7", "صباح"}, {"habibi", "حبيبي"}, {"7abibi", "حبيبي"},
	{"kteer", "كثير"}, {"ktir", "كثير"}, {"tlata", "ثلاثة"}, {"thalatha", "ثلاثة"},
	{"zalameh", "زلمة"}, {"mako", "ماكو"}, {"shgad", "شكد"}, {"bukra", "بكرة"},
	{"ba3dain", "بعدين"}, {"m3ak", "معك"}, {"ma3ak", "معك"}, {"inshallah", "إن شاء الله"},
	{"askari", "عسكري"}, {"3askari", "عسكري"}, {"3a2ile", "عائلة"}, {"ayleh", "عائلة"},
	{"mazboot", "مزبوط"}, {"madboot", "مضبوط"},
}

// arabiziMismatches must keep different skeletons: ordinary English words
// against route vocabulary, and Arabizi words against Arabic words that
// differ by one of the distinctions the classes keep (ت/د, س/ش, ح/خ, ز/س,
// ق/ل, a final يا).
var arabiziMismatches = []struct{ latin, arabic, why string }{
	{"hard", "حدود", "hrd / hd"},
	{"border", "حدود", "brdr / hd"},
	{"more", "مهرب", "mr / mhrb"},
	{"mother", "مهرب", "mtr / mhrb"},
	{"harbor", "مهرب", "hrbr / mhrb"},
	{"rehab", "مهرب", "rhb / mhrb"},
	{"hotel", "حدود", "htl / hd"},
	{"visa", "وصل", "fs / sl"},
	{"visa", "فيزا", "س and ز are apart: English visa is matched by EnglishStem"},
	{"forest", "فيزا", "frst / fz"},
	{"tahrir", "تهريب", "thr / thrb"},
	{"police", "شرطة", "bls / jrt"},
	{"tree", "طريق", "tr / trq"},
	{"door", "حدود", "dr / hd"},
	{"map", "مهرب", "mb / mhrb"},
	{"shabab", "سبب", "ش is not س"},
	{"dars", "ترس", "د is not ت"},
	{"5eel", "حيل", "خ is not ح"},
	{"7dood", "خدود", "ح is not خ"},
	{"tahreeb", "تخريب", "smuggling is not sabotage"},
	{"mohareb", "محارم", "mhrb / mhrm"},
	{"fiza", "فيلا", "fz / fl"},
	{"ghaba", "غيمة", "qb / qm"},
	{"almanya", "اليمن", "a final يا keeps Germany from Yemen"},
	{"bolanda", "بلدنا", "blnd / bldn"},
	{"belarus", "بلاد", "blrs / bld"},
}

// arabiziKnownMisses records what the skeleton gets wrong by design, so
// that a change of behaviour shows up here. Each row must NOT match.
var arabiziKnownMisses = []struct{ latin, arabic, why string }{
	{"sabah", "صباح", "a final h after a is read as ة"},
	{"tari2", "طريق", "2 is hamza, not the Levantine ق"},
	{"gawaz", "جواز", "Egyptian g = ج: g is ق"},
	{"dawa", "دعوة", "an ain dropped inside the word"},
	{"tathkara", "تذكرة", "th is ث, not ذ"},
}

// arabiziKnownCollisions are English words that share a skeleton with an
// Arabic word: why LooksArabizi exists. Each row must match.
var arabiziKnownCollisions = []struct{ latin, arabic string }{
	{"jazz", "جواز"},
	{"safari", "سفارة"},
	{"mutter", "مطر"},
}

func arabiziSkeletons(latin, arabic string) (string, string) {
	return string(AppendArabiziSkeleton(nil, latin)), string(AppendArabicSkeleton(nil, arabic))
}

func TestArabiziSkeletonMatches(t *testing.T) {
	if len(arabiziMatches) < 40 || len(arabiziMismatches) < 15 {
		t.Fatalf("%d matching and %d mismatching pairs: want at least 40 and 15", len(arabiziMatches), len(arabiziMismatches))
	}
	for _, c := range arabiziMatches {
		if l, a := arabiziSkeletons(c.latin, c.arabic); l != a {
			t.Errorf("%+q → %+q but %+q → %+q: want equal", c.latin, l, c.arabic, a)
		}
	}
	for _, c := range arabiziKnownCollisions {
		if l, a := arabiziSkeletons(c.latin, c.arabic); l != a {
			t.Errorf("known collision %+q → %+q, %+q → %+q: no longer equal; update the table", c.latin, l, c.arabic, a)
		}
	}
}

func TestArabiziSkeletonMismatches(t *testing.T) {
	for _, c := range append(arabiziMismatches, arabiziKnownMisses...) {
		if l, a := arabiziSkeletons(c.latin, c.arabic); l == a {
			t.Errorf("%+q and %+q both → %+q: want different (%s)", c.latin, c.arabic, l, c.why)
		}
	}
}

func TestArabiziSkeletonValues(t *testing.T) {
	cases := []struct{ in, want string }{
		{"مهرب", "mhrb"}, {"mohareb", "mhrb"},
		{"حدود", "hd"}, {"الحدود", "hd"}, {"7dood", "hd"}, {"el7dood", "hd"}, {"wel7dood", "lhd"},
		{"غابة", "qb"}, {"ghabah", "qb"},
		{"المانيا", "mny"}, {"almanya", "mny"}, {"اليمن", "mn"},
		{"سعر", "ser"}, {"s3er", "ser"}, {"عبور", "br"}, {"3obour", "br"},
		{"taxi", "tqs"}, {"qachaqchi", "qjqj"}, {"قچقچی", "qjqj"},
		{"Mohareb", "mhrb"}, {"MOHAREB", "mhrb"},
		{"المُهَرِّبِين", "mhrbn"}, {"تهريـــب", "thrb"},
		{"", ""}, {"aeiou", ""}, {"اوي", ""}, {"1234", ""}, {"😀", ""},
	}
	for _, c := range cases {
		var got []byte
		if c.in != "" && c.in[0] < utf8.RuneSelf {
			got = AppendArabiziSkeleton(nil, c.in)
		} else {
			got = AppendArabicSkeleton(nil, c.in)
		}
		if string(got) != c.want {
			t.Errorf("skeleton(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

// TestArabiziClassTable checks the lookup array and the Latin reader
// against the one written table, over every rune of the Arabic block.
func TestArabiziClassTable(t *testing.T) {
	want := map[rune]byte{}
	seen := map[byte]bool{}
	for _, c := range arabiziClasses {
		if seen[c.class] {
			t.Errorf("class %q listed twice", c.class)
		}
		seen[c.class] = true
		for _, r := range c.arabic {
			if _, dup := want[r]; dup {
				t.Errorf("%+q is in two classes", r)
			}
			want[r] = c.class
		}
		for _, latin := range c.latin {
			// Between vowels: no article, no initial ain, no final ة.
			if got := string(AppendArabiziSkeleton(nil, "o"+latin+"o")); got != string(c.class) {
				t.Errorf("Latin %+q → %+q, want %q", latin, got, c.class)
			}
		}
	}
	for _, r := range arabiziVowels {
		if _, dup := want[r]; dup {
			t.Errorf("%+q is both a vowel and in a class", r)
		}
		want[r] = 0
	}
	for r := rune(0x600); r <= 0x6FF; r++ {
		class, letter := arabiziLetter(r)
		w, listed := want[r]
		if class != w || letter != listed {
			t.Errorf("%+q (U+%04X): class %q letter %v, table says %q listed %v", r, r, class, letter, w, listed)
		}
		if !listed {
			continue
		}
		// Between و and وم: no article, no initial ain, no final ة or يا.
		got := string(AppendArabicSkeleton(nil, "و"+string(r)+"وم"))
		want := string(arabiziAppend(arabiziAppend(nil, 0, w), 0, 'm'))
		if got != want {
			t.Errorf("Arabic %+q → %+q, want %+q", r, got, want)
		}
	}
}

// The skeleton of a word does not depend on whether it was normalized:
// every rune of the Arabic block, in every position the skeleton treats
// apart (first, after the article, inside, last, after ي), gives the same
// skeleton raw and through the default Normalizer.
func TestArabicSkeletonIgnoresNormalization(t *testing.T) {
	contexts := []func(string) string{
		func(r string) string { return r },
		func(r string) string { return r + "مب" },
		func(r string) string { return "مب" + r },
		func(r string) string { return "و" + r + "وم" },
		func(r string) string { return "ال" + r + "مب" },
		func(r string) string { return r + "لمب" },
		func(r string) string { return "مي" + r },
		func(r string) string { return "م" + r + "ا" },
	}
	for r := rune(0x600); r <= 0x6FF; r++ {
		for _, ctx := range contexts {
			raw := ctx(string(r))
			norm := String(raw)
			if a, b := AppendArabicSkeleton(nil, raw), AppendArabicSkeleton(nil, norm); string(a) != string(b) {
				t.Errorf("%+q (U+%04X) → %+q but normalized %+q → %+q", raw, r, a, norm, b)
			}
		}
	}
	for _, c := range arabiziMatches {
		raw, norm := AppendArabicSkeleton(nil, c.arabic), AppendArabicSkeleton(nil, String(c.arabic))
		if string(raw) != string(norm) {
			t.Errorf("%+q → %+q but normalized → %+q", c.arabic, raw, norm)
		}
	}
}

func TestArabiziAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	for _, c := range arabiziMatches[:10] {
		if n := testing.AllocsPerRun(100, func() { buf = AppendArabiziSkeleton(buf[:0], c.latin) }); n != 0 {
			t.Errorf("AppendArabiziSkeleton(%+q): %v allocs, want 0", c.latin, n)
		}
		if n := testing.AllocsPerRun(100, func() { buf = AppendArabicSkeleton(buf[:0], c.arabic) }); n != 0 {
			t.Errorf("AppendArabicSkeleton(%+q): %v allocs, want 0", c.arabic, n)
		}
		if n := testing.AllocsPerRun(100, func() { _ = LooksArabizi(c.latin) }); n != 0 {
			t.Errorf("LooksArabizi(%+q): %v allocs, want 0", c.latin, n)
		}
	}
}

func TestAppendKeepsPrefix(t *testing.T) {
	// A skeleton collapses repeats within itself, never into what dst
	// already held: "h" then "hd" gives "hhd".
	dst := []byte("prefix:")
	got := AppendArabiziSkeleton(dst, "hhh")
	got = AppendArabicSkeleton(got, "|حدود")
	if string(got) != "prefix:hhd" {
		t.Errorf("appending gave %+q, want %+q", got, "prefix:hhd")
	}
}

func TestLooksArabizi(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"7dood", true}, {"ma3ak", true}, {"m3ak", true}, {"3ala", true}, {"5alas", true},
		{"ta2shira", true}, {"mar7aba", true}, {"9aba7", true}, {"8aba", true}, {"2ana", true},
		{"sa7", true}, {"ma3", true}, {"el7dood", true}, {"2l5air", true},
		{"khalas", true}, {"ghaba", true}, {"baa2i", true}, {"tariq", true}, {"qachaqchi", true},
		{"3'ali", true}, {"MA3AK", true},
		// Plain-letter Arabizi is not detected.
		{"mohareb", false}, {"almanya", false}, {"shu", false},
		// English.
		{"hard", false}, {"border", false}, {"more", false}, {"visa", false}, {"ghost", false},
		// Numbers, units, ordinals, texting, product names.
		{"2021", false}, {"covid19", false}, {"2nd", false}, {"3rd", false}, {"5th", false},
		{"7pm", false}, {"5km", false}, {"2day", false}, {"3d", false}, {"5g", false},
		{"b2b", false}, {"mp3", false}, {"gr8", false}, {"l8r", false}, {"4ever", false},
		{"b4", false}, {"win7", false}, {"note9", false}, {"7", false}, {"", false},
	}
	for _, c := range cases {
		if got := LooksArabizi(c.in); got != c.want {
			t.Errorf("LooksArabizi(%+q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func BenchmarkArabiziSkeleton(b *testing.B) {
	size := 0
	for _, c := range arabiziMatches {
		size += len(c.latin)
	}
	buf := make([]byte, 0, 64)
	b.Run("Latin", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, c := range arabiziMatches {
				buf = AppendArabiziSkeleton(buf[:0], c.latin)
			}
		}
	})
	size = 0
	for _, c := range arabiziMatches {
		size += len(c.arabic)
	}
	b.Run("Arabic", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, c := range arabiziMatches {
				buf = AppendArabicSkeleton(buf[:0], c.arabic)
			}
		}
	})
}

func FuzzArabiziSkeleton(f *testing.F) {
	for _, c := range arabiziMatches {
		f.Add(c.latin)
		f.Add(c.arabic)
	}
	f.Add("bad\xffbyte\xd9")
	f.Fuzz(func(t *testing.T, s string) {
		for _, sk := range [][]byte{AppendArabiziSkeleton(nil, s), AppendArabicSkeleton(nil, s)} {
			for i, c := range sk {
				if !strings.ContainsRune("btjhxdzrseqflmny", rune(c)) {
					t.Fatalf("skeleton of %+q = %+q: byte %q is no class", s, sk, c)
				}
				if i > 0 && sk[i-1] == c {
					t.Fatalf("skeleton of %+q = %+q: repeated class", s, sk)
				}
			}
		}
		if fast, slow := AppendArabicSkeleton(nil, s), appendArabicSkeletonSlow(nil, s); string(fast) != string(slow) {
			t.Fatalf("Arabic skeleton of %+q: one pass %+q, two passes %+q", s, fast, slow)
		}
		if a, b := AppendArabiziSkeleton(nil, s), AppendArabiziSkeleton(nil, strings.ToUpper(s)); string(a) != string(b) && arabiziIsASCII(s) {
			t.Fatalf("skeleton of %+q = %+q but of its upper case %+q", s, a, b)
		}
		// Appending must not touch what dst held.
		dst := AppendArabicSkeleton([]byte("keep"), s)
		if string(dst[:4]) != "keep" {
			t.Fatalf("AppendArabicSkeleton overwrote dst: %+q", dst)
		}
		_ = LooksArabizi(s)
	})
}

func arabiziIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func ExampleAppendArabiziSkeleton() {
	var buf []byte
	for _, w := range []string{"mohareb", "m7areb", "7dood", "el7dood", "ghaba", "8aba", "almanya"} {
		buf = AppendArabiziSkeleton(buf[:0], w)
		fmt.Printf("%s %s\n", w, buf)
	}
	// Output:
	// mohareb mhrb
	// m7areb mhrb
	// 7dood hd
	// el7dood hd
	// ghaba qb
	// 8aba qb
	// almanya mny
}

func ExampleAppendArabicSkeleton() {
	var buf []byte
	for _, w := range []string{"مهرب", "الحدود", "غابة", "ألمانيا", "اليمن"} {
		buf = AppendArabicSkeleton(buf[:0], w)
		fmt.Printf("%s %s\n", w, buf)
	}
	// Output:
	// مهرب mhrb
	// الحدود hd
	// غابة qb
	// ألمانيا mny
	// اليمن mn
}

func ExampleLooksArabizi() {
	for _, w := range []string{"7dood", "ma3ak", "khalas", "mohareb", "border", "2021", "5km"} {
		fmt.Println(w, LooksArabizi(w))
	}
	// Output:
	// 7dood true
	// ma3ak true
	// khalas true
	// mohareb false
	// border false
	// 2021 false
	// 5km false
}

// TestArabicSkeletonOnePass checks the one-pass AppendArabicSkeleton
// against the two-pass definition on every word of the corpus (and the
// tweets when ../shared is present) and on words built to hit its edges.
func TestArabicSkeletonOnePass(t *testing.T) {
	words := []string{"", "ا", "ال", "الع", "العين", "عين", "العربيه", "بيا", "بيه", "مهرب", "مهربيه",
		"ال" + strings.Repeat("ب", 60), strings.Repeat("عي", 30) + "ه", "x\xd8", "\xd8\xd8\xa7", "ﻣﻬﺮﺏ", "مُهَرِّب", "a-b ع"}
	for _, name := range []string{"../corpus/posts.jsonl", "../corpus/holdout.jsonl", "../../shared/datasets/astd/astd.jsonl"} {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		words = append(words, strings.Fields(string(data))...)
	}
	for _, w := range words {
		for _, in := range []string{w, String(w)} {
			require.Equal(t, string(appendArabicSkeletonSlow(nil, in)), string(AppendArabicSkeleton(nil, in)), "%+q", in)
		}
	}
}
