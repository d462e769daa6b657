package evade

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// undo maps each method to what gives back the original post, up to runs of
// spaces, or nil for the methods that cannot be undone (Arabizi, and
// Combined, which may draw it).
var undo = map[Method]func(string) string{
	SpaceLetters: strip,
	DotLetters:   strip,
	ZeroWidth:    strip,
	Tatweel:      strip,
	Elongate:     strip,
	Diacritics:   strip,
	Emojis:       strip,
	LookAlikes:   func(s string) string { return foldLookAlikes(strip(s)) },
	PhoneDigits:  func(s string) string { return foldDigits(strip(s)) },
}

// TestStripGivesBackThePost applies each method with many seeds and checks
// that removing what it inserts gives back the post.
func TestStripGivesBackThePost(t *testing.T) {
	rewriters := []Rewriter{DefaultRewriter(), {Rate: 1}, {Keywords: []string{"الغابة"}, Rate: -1}}
	for _, m := range Methods {
		f := undo[m]
		if f == nil {
			continue
		}
		for _, r := range rewriters {
			for _, post := range samplePosts {
				for seed := range uint64(20) {
					out := r.Apply(post, m, seeded(seed))
					if got, want := f(out), f(post); got != want {
						t.Fatalf("%v, seed %d, rate %v:\n  post %+q\n   out %+q\n undid %+q\n  want %+q", m, seed, r.Rate, post, out, got, want)
					}
				}
			}
		}
	}
}

// TestStripAll layers every method that can be undone.
func TestStripAll(t *testing.T) {
	var ms []Method
	for m := range undo {
		ms = append(ms, m)
	}
	undoAll := func(s string) string { return foldDigits(foldLookAlikes(strip(s))) }
	for _, post := range samplePosts {
		for seed := range uint64(50) {
			out := ApplyAll(post, ms, seeded(seed))
			if got, want := undoAll(out), undoAll(post); got != want {
				t.Fatalf("seed %d:\n  post %+q\n   out %+q\n undid %+q\n  want %+q", seed, post, out, got, want)
			}
		}
	}
}

// TestCorpus runs every method over the authored corpus: valid UTF-8 out,
// deterministic, and the look-alike and invisible methods undone.
func TestCorpus(t *testing.T) {
	posts := corpusPosts()
	if len(posts) == 0 {
		t.Skip("no corpus")
	}
	if testing.Short() {
		posts = posts[:200]
	}
	for i, post := range posts {
		for _, m := range Methods {
			out := Apply(post, m, seeded(uint64(i)))
			if !utf8.ValidString(out) {
				t.Fatalf("%v: %+q is not valid UTF-8", m, out)
			}
			if again := Apply(post, m, seeded(uint64(i))); again != out {
				t.Fatalf("%v: not deterministic on %+q", m, post)
			}
			switch m {
			case ZeroWidth, Tatweel, Diacritics:
				// The corpus has its own tashkeel and tatweel: compare
				// without them, on both sides.
				if a, b := strip(out), strip(post); a != b {
					t.Errorf("%v on %+q:\n got %+q\nwant %+q", m, post, a, b)
				}
			case LookAlikes:
				if a, b := foldLookAlikes(out), foldLookAlikes(post); a != b {
					t.Errorf("%v on %+q:\n got %+q\nwant %+q", m, post, a, b)
				}
			case PhoneDigits:
				if a, b := foldDigits(out), foldDigits(post); a != b {
					t.Errorf("%v on %+q:\n got %+q\nwant %+q", m, post, a, b)
				}
			}
		}
	}
}

// TestReadable checks what keeps a post readable: no method removes a
// letter, and none but Arabizi puts a Latin letter in.
func TestReadable(t *testing.T) {
	latin := func(s string) int {
		n := 0
		for _, r := range s {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				n++
			}
		}
		return n
	}
	for _, m := range Methods {
		if m == Arabizi || m == Combined {
			continue
		}
		for _, post := range samplePosts {
			for seed := range uint64(10) {
				out := Apply(post, m, seeded(seed))
				if latin(out) != latin(post) {
					t.Errorf("%v changed the Latin letters of %+q: %+q", m, post, out)
				}
				letters := func(s string) string {
					s = foldLookAlikes(collapseElongation(dropTashkeel(dropTatweel(dropZeroWidth(s)))))
					return strings.Map(func(r rune) rune { return keep(r, isArabicLetterRef(r)) }, s)
				}
				if letters(out) != letters(post) {
					t.Errorf("%v changed the letters of %+q: %+q", m, post, out)
				}
			}
		}
	}
}
