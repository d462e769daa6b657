package evade

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func seeded(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 2)) }

// TestApplySample shows each method on one post, with seed 1. When a
// method changes on purpose, rerun with -v and paste the new outputs.
func TestApplySample(t *testing.T) {
	post := samplePosts[0]
	tests := []struct {
		m    Method
		want string
	}{
		{SpaceLetters, "م ه ر ب   ل ا ل م ا ن ي ا   ع ن   ط ر ي ق   ب ي ل ا ر و س ي ا، ا ل س ع ر 3500 ي و ر و   و ا ل د ف ع   ب ع د   الوصول. ل ل ت و ا ص ل   و ا ت س ا ب 00963944123456"},
		{DotLetters, "م.ه.ر.ب ل-ا-ل-م-ا-ن-ي-ا عن ط.ر.ي.ق ب-ي-ل-ا-ر-و-س-ي-ا، ا.ل.س.ع.ر 3500 ي-و-ر-و والدفع بعد الوصول. للتواصل و.ا.ت.س.ا.ب 00963944123456"},
		{ZeroWidth, "م\u200cهر\u200cب لال\u200dمانيا عن طر\u200cيق ب\u200bيل\u200dارو\u200cسي\u200dا، السع\u200bر 3500 يور\u200cو والدفع بعد الوصول. للتواصل وات\u200bسا\u200bب 00963944123456"},
		{Tatweel, "مـــهرب لالــمانيـــا عن طــريق بيلاروسيـــا، الـسعر 3500 يـــورو والدفع بعد الوصول. للتواصل واتـــسـاب 00963944123456"},
		{Elongate, "مهههههرب لالمانننيا عن طرييييييق بيلاروووووووسيا، السسسسعر 3500 يوروووووو والدفع بعد الوصول. للتواصل واتساااب 00963944123456"},
		{Diacritics, "مَهرِب لالْمانيا عن طريقَ بِيلِاروسِيا، الَسُعر 3500 يَوروِ والدفع بعد الوصول. للتواصل واتِّسابُّ 00963944123456"},
		{LookAlikes, "مہرب لالمانیا عن طریق بيلاروسیا، السعر 3500 یورو والدفع بعد الوصول. للتواصل واتساب 00963944123456"},
		{PhoneDigits, "مهرب لالمانيا عن طريق بيلاروسيا، السعر 3500 يورو والدفع بعد الوصول. للتواصل واتساب ٠0.٩639.44.١2.3456"},
		{Emojis, "مهرب 🚶 لالمانيا ⭐ عن طريق 👇💵 بيلاروسيا 🌲✈\ufe0f💶، السعر 📞 3500 يورو ⚡ والدفع بعد الوصول. للتواصل واتساب 🇧🇾🚶🛂 00963944123456"},
		{Arabizi, "mhrb lalmaanyaa عن tree9 beelarusyaa، els3r 3500 yoro والدفع بعد الوصول. للتواصل waatsab 00963944123456"},
		{Combined, "م\u200dهربببببب لا\u200bلمااا\u200dني\u200cا عن طري\u200bققققققق ب\u200bي\u200bلار\u200dوس\u200cياااا، السسسسس\u200dعر 3500 يو\u200dروووووو والدفع بع\u200dددددددد الوصول. للتواصل واتس\u200cااا\u200dب 00963944123456"},
	}
	require.Len(t, tests, len(Methods), "one case a method")
	for _, tt := range tests {
		t.Run(tt.m.String(), func(t *testing.T) {
			got := Apply(post, tt.m, seeded(1))
			if got != tt.want {
				t.Errorf("Apply(%+q, %v)\n got %+q\nwant %+q", post, tt.m, got, tt.want)
			}
			t.Logf("%v: %s", tt.m, got)
		})
	}
}

func TestMethodString(t *testing.T) {
	names := map[string]bool{}
	for i, m := range Methods {
		assert.Equal(t, Method(i+1), m, "Methods lists the methods in the order of their values")
		name := m.String()
		assert.NotContains(t, name, "Method(", "%d has no name", int(m))
		assert.False(t, names[name], "%s twice", name)
		names[name] = true
	}
	assert.Equal(t, "SpaceLetters", SpaceLetters.String())
	assert.Equal(t, "Combined", Combined.String())
	assert.Equal(t, "Method(0)", Method(0).String())
	assert.Equal(t, "Method(-3)", Method(-3).String())
	assert.Equal(t, "Method(12)", Method(len(Methods)+1).String())
}

func TestDeterministic(t *testing.T) {
	for _, post := range samplePosts {
		for _, m := range Methods {
			for seed := range uint64(5) {
				a := Apply(post, m, seeded(seed))
				b := Apply(post, m, seeded(seed))
				require.Equal(t, a, b, "%v, seed %d, post %+q", m, seed, post)
			}
		}
	}
	// A nil rng is a fixed seed.
	assert.Equal(t, Apply(samplePosts[0], Combined, nil), Apply(samplePosts[0], Combined, nil))
}

// TestSeedsDiffer guards against a method that ignores its rng.
func TestSeedsDiffer(t *testing.T) {
	for _, m := range Methods {
		outs := map[string]bool{}
		for seed := range uint64(10) {
			outs[Apply(samplePosts[0], m, seeded(seed))] = true
		}
		assert.Greater(t, len(outs), 2, "%v gives %d different outputs for 10 seeds", m, len(outs))
	}
}

func TestEveryMethodChangesThePost(t *testing.T) {
	for _, m := range Methods {
		for _, post := range samplePosts {
			if m == PhoneDigits && !strings.ContainsAny(post, "0123456789٠١٢٣٤٥٦٧٨٩") {
				continue
			}
			for seed := range uint64(5) {
				assert.NotEqual(t, post, Apply(post, m, seeded(seed)), "%v left %+q unchanged with seed %d", m, post, seed)
			}
		}
	}
}

func TestNothingToDo(t *testing.T) {
	for _, m := range Methods {
		assert.Empty(t, Apply("", m, seeded(1)), m)
		for _, in := range []string{"hello world 123", "  \n\t", "€ 35", "\xff\xfe", "ـ ـ"} {
			if m == Emojis || m == Combined {
				continue // emojis need an Arabic word to follow; Combined may draw PhoneDigits only
			}
			assert.Equal(t, in, Apply(in, m, seeded(1)), "%v changed %+q", m, in)
		}
	}
	assert.Equal(t, samplePosts[0], Apply(samplePosts[0], Method(0), seeded(1)))
	assert.Equal(t, samplePosts[0], Apply(samplePosts[0], Method(99), seeded(1)))
	assert.Equal(t, samplePosts[0], ApplyAll(samplePosts[0], nil, seeded(1)))
}

func TestInvalidUTF8PassesThrough(t *testing.T) {
	in := "مهرب\xff الى \xe2\x82المانيا\x80 0096\xff3944123456 واتساب\xc3"
	for _, m := range Methods {
		for seed := range uint64(20) {
			out := Apply(in, m, seeded(seed))
			require.Equal(t, invalidBytes(in), invalidBytes(out), "%v, seed %d: %+q", m, seed, out)
		}
	}
}

func TestKeywordSpellings(t *testing.T) {
	p := DefaultRewriter().plan()
	for _, w := range []string{
		"مهرب", "مُهَرِّب", "مهـــرب", "مه\u200cرب", "مهررررب", "تاشيره", "تأشيرة", "تأشیرہ",
		"والحدود", "بالحدود", "للحدود", "وحدود", "لالمانيا", "ألمانيا", "وبالمانيا", "فيزا", "فیزا",
	} {
		assert.True(t, p.isKey(w), "%+q is a key word", w)
	}
	for _, w := range []string{"مهربة", "الطقس", "بغداد", "ال", "و", "حد", ""} {
		assert.False(t, p.isKey(w), "%+q is not a key word", w)
	}
}

func TestRewriterChoosesKeywordsFirst(t *testing.T) {
	post := "اليوم نطلع مع المهرب من مينسك والوصول بكرة"
	r := Rewriter{Keywords: []string{"مُهَرِّب", " مينسك "}, Rate: -1}
	for seed := range uint64(20) {
		out := r.Apply(post, DotLetters, seeded(seed))
		assert.Contains(t, out, "اليوم نطلع مع ")
		assert.Contains(t, out, " من ")
		assert.Contains(t, out, " والوصول بكرة")
		assert.NotContains(t, out, "المهرب")
		assert.NotContains(t, out, "مينسك")
	}
	// Without key words and a negative rate, nothing is chosen.
	assert.Equal(t, post, Rewriter{Rate: -1}.Apply(post, ZeroWidth, seeded(1)))
	// A rate of one chooses every word.
	out := Rewriter{Rate: 1}.Apply(post, DotLetters, seeded(1))
	for _, w := range arabicWords(out) {
		assert.Equal(t, 1, utf8.RuneCountInString(w), "%+q in %+q", w, out)
	}
	// The zero Rewriter still changes a post with Arabic words.
	assert.NotEqual(t, "كلمة", Rewriter{}.Apply("كلمة", ZeroWidth, seeded(1)))
}

func TestRateShare(t *testing.T) {
	words := strings.Repeat("كلمة ", 1000)
	out := Rewriter{Rate: 0.3}.Apply(words, DotLetters, seeded(3))
	dotted := strings.Count(out, ".") + strings.Count(out, "-")
	// كلمة has four letters: three separators a dotted word.
	assert.InDelta(t, 300, dotted/3, 50)
}

func TestSpaceLettersRuns(t *testing.T) {
	post := "نوفر لكم تهريب سريع ومضمون الى المانيا"
	r := Rewriter{Keywords: []string{"تهريب"}, Rate: -1}
	for seed := range uint64(30) {
		out := r.Apply(post, SpaceLetters, seeded(seed))
		assert.Contains(t, out, "ت ه ر ي ب")
		// Spaced words are set apart by three spaces; count them.
		spaced := 0
		for _, seg := range strings.Split(out, "   ") {
			f := strings.Fields(seg)
			single := len(f) > 1
			for _, l := range f {
				single = single && utf8.RuneCountInString(l) == 1
			}
			if single {
				spaced++
			}
		}
		assert.Contains(t, []int{2, 3}, spaced, "%+q", out)
		assert.Equal(t, post, strip(out))
	}
	// A word alone keeps to itself.
	assert.Equal(t, "ت ه ر ي ب", r.Apply("تهريب", SpaceLetters, seeded(1)))
	assert.Equal(t, "ت ه ر ي ب، ok", r.Apply("تهريب، ok", SpaceLetters, seeded(1)))
}

func TestLookAlikesStayInClass(t *testing.T) {
	seen := map[rune]bool{}
	for _, s := range swaps {
		assert.Equal(t, foldLetter(s.from), foldLetter(s.to), "swap %c→%c crosses classes", s.from, s.to)
		assert.NotEqual(t, s.from, s.to)
		seen[s.from], seen[s.to] = true, true
	}
	classOf := map[rune]int{}
	for i, c := range Equivalents() {
		for _, r := range c {
			_, dup := classOf[r]
			assert.False(t, dup, "%c is in two classes", r)
			classOf[r] = i
			assert.True(t, seen[r], "%c of class %d is in no swap", r, i)
			assert.True(t, isLetter(r))
		}
	}
}

func TestEquivalentsIsACopy(t *testing.T) {
	e := Equivalents()
	e[0][0] = 'x'
	assert.Equal(t, 'ا', Equivalents()[0][0])
	k := DefaultKeywords()
	k[0] = "x"
	assert.Equal(t, "مهرب", DefaultKeywords()[0])
}

func TestIsLetterMatchesDocumentation(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if isLetter(r) != isArabicLetterRef(r) {
			t.Errorf("isLetter(%U) = %v, the documentation says %v", r, isLetter(r), !isLetter(r))
		}
		if isMark(r) && !isTashkeel(r) {
			t.Errorf("isMark(%U) but it is not an Arabic combining mark", r)
		}
	}
}

func TestTatweelOnlyBetweenJoiningLetters(t *testing.T) {
	for seed := range uint64(50) {
		for _, post := range samplePosts {
			out := Rewriter{Rate: 1}.Apply(post, Tatweel, seeded(seed))
			rs := []rune(out)
			for i, r := range rs {
				if r != 0x0640 || strings.ContainsRune(post, r) {
					continue
				}
				j := i - 1
				for j >= 0 && rs[j] == 0x0640 {
					j--
				}
				k := i + 1
				for k < len(rs) && rs[k] == 0x0640 {
					k++
				}
				require.True(t, j >= 0 && k < len(rs), "%+q", out)
				assert.True(t, joinsLeft(rs[j]) || isTashkeel(rs[j]), "tatweel after %c in %+q", rs[j], out)
				assert.True(t, isArabicLetterRef(rs[k]) && rs[k] != 'ء', "tatweel before %c in %+q", rs[k], out)
			}
		}
	}
}

func TestElongateRunLength(t *testing.T) {
	for seed := range uint64(50) {
		out := Rewriter{Keywords: []string{"تهريب"}, Rate: -1}.Apply("تهريب", Elongate, seeded(seed))
		rs := []rune(out)
		longest := 1
		for i := 0; i < len(rs); {
			j := i + 1
			for j < len(rs) && rs[j] == rs[i] {
				j++
			}
			longest = max(longest, j-i)
			i = j
		}
		assert.GreaterOrEqual(t, longest, 3, out)
		assert.LessOrEqual(t, longest, 7, out)
		assert.NotEqual(t, 'ت', rs[1], "the first letter is never stretched: %s", out)
	}
}

func TestPhoneDigits(t *testing.T) {
	tests := []struct {
		in    string
		phone bool
	}{
		{"00963944123456", true},
		{"+964 770 555 1234", true},
		{"٠٧٧٠-١٢٣-٤٥٦٧", true},
		{"0770.555.1234", true},
		{"۰۷۷۰۵۵۵۱۲۳۴", true},
		{"123456", false},
		{"3500 4000", false},
		{"12 34  56 78", false}, // two spaces: not one number
		{"2024-2025", false},
		{"+", false},
		{"+ 1234567", true}, // the digits are; the + stays where it is
		{"+ 123456", false},
	}
	for _, tt := range tests {
		for seed := range uint64(10) {
			out := Apply("رقم "+tt.in+" فقط", PhoneDigits, seeded(seed))
			if !tt.phone {
				assert.Equal(t, "رقم "+tt.in+" فقط", out, "%+q is not a phone number", tt.in)
				continue
			}
			require.True(t, strings.HasPrefix(out, "رقم ") && strings.HasSuffix(out, " فقط"), "%+q", out)
			assert.Equal(t, foldDigits(tt.in), foldDigits(out[len("رقم "):len(out)-len(" فقط")]), "%+q → %+q", tt.in, out)
		}
	}
}

func TestPhoneDigitsMixesScripts(t *testing.T) {
	scripts := [3]int{}
	for seed := range uint64(50) {
		out := Apply("00963944123456", PhoneDigits, seeded(seed))
		for _, r := range out {
			switch {
			case r >= '0' && r <= '9':
				scripts[0]++
			case r >= '٠' && r <= '٩':
				scripts[1]++
			case r >= '۰' && r <= '۹':
				scripts[2]++
			}
		}
	}
	for i, n := range scripts {
		assert.Greater(t, n, 50, "script %d is used %d times", i, n)
	}
}

func TestArabiziReplacesKeywords(t *testing.T) {
	for _, post := range samplePosts {
		for seed := range uint64(10) {
			out := Rewriter{Keywords: DefaultKeywords(), Rate: -1}.Apply(post, Arabizi, seeded(seed))
			p := DefaultRewriter().plan()
			for _, w := range arabicWords(out) {
				assert.False(t, p.isKey(w), "key word %+q left in %+q", w, out)
			}
			// What stays Arabic is the post's own words, in order.
			in := arabicWords(post)
			k := 0
			for _, w := range arabicWords(out) {
				for k < len(in) && in[k] != w {
					k++
				}
				require.Less(t, k, len(in), "%+q is not a word of %+q", w, post)
				k++
			}
		}
	}
}

func TestCombinedUsesSeveralMethods(t *testing.T) {
	for seed := range uint64(30) {
		set := expand([]Method{Combined}, seeded(seed))
		n := 0
		for _, m := range Methods {
			if set.has(m) {
				n++
			}
		}
		assert.GreaterOrEqual(t, n, 2)
		assert.LessOrEqual(t, n, 4)
		assert.False(t, set.has(Combined))
	}
}

func TestApplyAllIgnoresOrder(t *testing.T) {
	ms := []Method{Tatweel, DotLetters, LookAlikes, Emojis, PhoneDigits}
	rev := []Method{PhoneDigits, Emojis, LookAlikes, DotLetters, Tatweel, Tatweel}
	for _, post := range samplePosts {
		assert.Equal(t, ApplyAll(post, ms, seeded(4)), ApplyAll(post, rev, seeded(4)))
	}
	assert.Equal(t, Apply(samplePosts[0], Tatweel, seeded(4)), ApplyAll(samplePosts[0], []Method{Tatweel}, seeded(4)))
}

// TestConcurrentUse runs Apply from many goroutines, each with its own rng,
// for go test -race.
func TestConcurrentUse(t *testing.T) {
	want := make([]string, len(Methods))
	for i, m := range Methods {
		want[i] = Apply(samplePosts[1], m, seeded(uint64(i)))
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i, m := range Methods {
				if got := Apply(samplePosts[1], m, seeded(uint64(i))); got != want[i] {
					t.Errorf("%v: %+q, alone %+q", m, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}
