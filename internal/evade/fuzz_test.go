package evade

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzApply checks, for any text, seed and method: no panic, deterministic,
// empty stays empty, valid UTF-8 stays valid, invalid bytes pass through,
// and what each method inserts is all it changes.
func FuzzApply(f *testing.F) {
	for _, post := range samplePosts {
		for _, m := range Methods {
			f.Add(post, uint64(m), uint8(m))
		}
	}
	f.Add("مهرب\xff الى \xe2\x82المانيا\x80 +0096\xff3944123456 واتساب\xc3", uint64(1), uint8(Combined))
	f.Add("ـمـ\u200cهـ\u064eرب ييي و ب ك", uint64(2), uint8(Elongate))
	f.Add("", uint64(0), uint8(0))
	f.Fuzz(func(t *testing.T, in string, seed uint64, method uint8) {
		m := Method(int(method) % (len(Methods) + 2)) // some invalid
		out := Apply(in, m, seeded(seed))
		if again := Apply(in, m, seeded(seed)); again != out {
			t.Fatalf("%v not deterministic on %+q: %+q, then %+q", m, in, out, again)
		}
		if in == "" && out != "" {
			t.Fatalf("%v on empty input gave %+q", m, out)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("%v on %+q gave invalid UTF-8 %+q", m, in, out)
		}
		if invalidBytes(in) != invalidBytes(out) {
			t.Fatalf("%v on %+q changed the invalid bytes: %+q", m, in, out)
		}
		// Each method inserts only its own characters, so removing them
		// from both sides must leave the same text, whatever the input.
		var same func(string) string
		switch m {
		case SpaceLetters, DotLetters:
			same = func(s string) string { return strings.NewReplacer(" ", "", ".", "", "-", "").Replace(s) }
		case ZeroWidth:
			same = dropZeroWidth
		case Tatweel:
			same = dropTatweel
		case Diacritics:
			same = dropTashkeel
		case Elongate:
			same = collapseElongation
		case LookAlikes:
			same = foldLookAlikes
		case PhoneDigits:
			same = foldDigits
		case Emojis:
			same = func(s string) string { return strings.ReplaceAll(dropEmojis(s), " ", "") }
		default:
			return
		}
		if a, b := same(out), same(in); a != b {
			t.Fatalf("%v on %+q gave %+q:\n%+q\n!=\n%+q", m, in, out, a, b)
		}
	})
}
