package lexicon

import (
	"iter"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHashInIsHashKey checks that hashing a key inside a text gives the
// hash of the key alone, for keys of every length at every place.
func TestHashInIsHashKey(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var b strings.Builder
	for range 300 {
		b.WriteByte(byte(r.Uint32()))
	}
	s := b.String()
	for a := 0; a < len(s); a++ {
		for e := max(a, 8); e <= len(s) && e-a <= 40; e++ {
			if got, want := hashIn(s, a, e), hashKey(s[a:e]); got != want {
				t.Fatalf("hashIn(s, %d, %d) = %x, hashKey = %x", a, e, got, want)
			}
		}
	}
}

func TestKeyTable(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	m := map[string]int32{}
	word := func() string {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString([]string{"م", "ه", "ر", "ب", "a", "b", "ال"}[r.IntN(7)])
		}
		return b.String()
	}
	for k := range 2000 {
		m[word()] = int32(k)
	}
	tab := newKeyTable(m)
	for k, v := range m {
		if got, ok := tab.get(k); !ok || got != v {
			t.Fatalf("get(%q) = %d, %v; want %d", k, got, ok, v)
		}
		if got, ok := tab.getBytes([]byte(k)); !ok || got != v {
			t.Fatalf("getBytes(%q) = %d, %v; want %d", k, got, ok, v)
		}
		s := "ذذذذذذذذ " + k + " ذذذذ"
		if got, ok := tab.getIn(s, 17, 17+len(k)); !ok || got != v {
			t.Fatalf("getIn(%q) = %d, %v; want %d", k, got, ok, v)
		}
	}
	for range 20000 {
		w := word()
		v, ok := tab.get(w)
		if want, in := m[w]; ok != in || v != want {
			t.Fatalf("get(%q) = %d, %v; want %d, %v", w, v, ok, want, in)
		}
	}
	var empty keyTable
	if _, ok := empty.get("x"); ok {
		t.Fatal("the zero keyTable holds a key")
	}
}

func TestBloomHasWhatItHolds(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	b := newBloom(5000)
	var hs []uint64
	for range 5000 {
		h := r.Uint64()
		hs = append(hs, h)
		b.add(h)
	}
	for _, h := range hs {
		if !b.has(h) {
			t.Fatalf("bloom lost %x", h)
		}
	}
	wrong := 0
	for range 100000 {
		if b.has(r.Uint64()) {
			wrong++
		}
	}
	if wrong > 3000 {
		t.Errorf("%d wrong yeses in 100000", wrong)
	}
}

// indexWords yields every word that has a reading in lex's index: each
// Arabic key, and each stem key with each suffix (form), with no
// proclitic and with each proclitic (proc).
func indexWords(lex *Lexicon) iter.Seq2[string, string] {
	return func(yield func(proc, form string) bool) {
		for i := range lex.index.keys {
			k := lex.index.keys[i]
			if lex.index.slots[i].tag == 0 || !isArabicWord(k) {
				continue
			}
			forms := []string{k}
			if lex.slots[lex.index.slots[i].val].stem >= 0 {
				for _, suf := range suffixes {
					forms = append(forms, k+suf)
				}
			}
			for _, f := range forms {
				for _, p := range append([]string{""}, proclitics...) {
					if !yield(p, f) {
						return
					}
				}
			}
		}
	}
}

// TestMayMatchKeepsEveryReading checks mayMatch's promise: no word that
// has a reading in the index is ruled out, whatever proclitic and suffix
// it carries and wherever it stands in the text.
func TestMayMatchKeepsEveryReading(t *testing.T) {
	lex := Default()
	n := 0
	for p, f := range indexWords(lex) {
		w := p + f
		for _, pad := range []string{"", "ذ ", "ذذذذذذذذ "} {
			s := pad + w + " ذ"
			n++
			if !lex.mayMatch(s, len(pad), len(pad)+len(w)) {
				t.Fatalf("mayMatch(%q) = false", w)
			}
		}
	}
	t.Logf("%d words", n)
}

// TestTailsKeepEveryReading checks the promise of Lexicon.tails: no word
// of two-byte letters with a reading matchAt accepts is ruled out, whatever
// proclitic and suffix it carries. (matchAt strips a proclitic only when
// minStripped letters remain, so والحق need not pass for the entry حق.)
// It also checks that the set is not saturated: the corpus, written about
// the route, has many words that start entries, and a third of its words
// are still ruled out (three fifths of ASTD tweets').
func TestTailsKeepEveryReading(t *testing.T) {
	lex := Default()
	twoByte := func(w string) bool {
		for i := 0; i < len(w); i += 2 {
			if i+1 >= len(w) || !isArabicLetterPair(w[i], w[i+1]) {
				return false
			}
		}
		return true
	}
	n := 0
	for p, f := range indexWords(lex) {
		w := p + f
		if p != "" && letterCount(f) < minStripped || !twoByte(w) {
			continue
		}
		s := "ذذذذ " + w + " ذ"
		n++
		if !lex.tails.mayHave(s, 9, 9+len(w)) {
			t.Fatalf("tails rule out %q", w)
		}
	}
	ruledOut, words := 0, 0
	for _, p := range readCorpus(t, "../corpus/posts.jsonl") {
		s := lex.norm.String(p.Text)
		for i := 0; i < len(s); {
			if end := arabicWordEnd(s, i); end > i {
				words++
				if !lex.tails.mayHave(s, i, end) {
					ruledOut++
				}
				i = end
				continue
			}
			i++
		}
	}
	t.Logf("%d readings kept; %d of %d corpus words ruled out", n, ruledOut, words)
	if ruledOut < words/3 {
		t.Errorf("tails rule out only %d of %d corpus words", ruledOut, words)
	}
}
