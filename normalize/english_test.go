package normalize

import (
	"fmt"
	"testing"
)

func TestEnglishStem(t *testing.T) {
	cases := []struct{ in, want string }{
		{"smugglers", "smuggler"},
		{"smuggler", "smuggler"},
		{"smuggler's", "smuggler"},
		{"smuggling", "smuggl"},
		{"smuggled", "smuggl"},
		{"visas", "visa"},
		{"visa", "visa"},
		{"borders", "border"},
		{"crossing", "cross"},
		{"crossed", "cross"},
		{"passports", "passport"},
		{"forests", "forest"},
		{"invitations", "invit"},
		{"invitation", "invit"},
		{"germany", "germani"},
		{"Smugglers", "smuggler"}, // upper case is lowered
		{"the", "the"},            // stop words are kept
		{"from", "from"},
		{"7dood", "7dood"},
		{"", ""},
		{"a", "a"},
		{"łódź", "łódź"}, // not ASCII: returned as is
		{"فيزا", "فيزا"},
		{"bad\xff", "bad\xff"},
	}
	for _, c := range cases {
		if got := EnglishStem(c.in); got != c.want {
			t.Errorf("EnglishStem(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

func BenchmarkEnglishStem(b *testing.B) {
	words := []string{"smugglers", "visas", "crossing", "border", "passports", "the", "germany", "invitation"}
	size := 0
	for _, w := range words {
		size += len(w)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, w := range words {
			_ = EnglishStem(w)
		}
	}
}

func FuzzEnglishStem(f *testing.F) {
	for _, w := range []string{"smugglers", "visas", "crossing", "'s'", "yyyy", "łódź", "bad\xff"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, word string) {
		got := EnglishStem(word)
		if !arabiziIsASCII(word) && got != word {
			t.Fatalf("EnglishStem(%+q) = %+q: non-ASCII input must come back unchanged", word, got)
		}
		if arabiziIsASCII(word) && !arabiziIsASCII(got) {
			t.Fatalf("EnglishStem(%+q) = %+q: not ASCII", word, got)
		}
		if EnglishStem(word) != got {
			t.Fatalf("EnglishStem(%+q) is not deterministic", word)
		}
	})
}

func ExampleEnglishStem() {
	for _, w := range []string{"smugglers", "smuggler", "visas", "crossing", "crossed"} {
		fmt.Println(w, "→", EnglishStem(w))
	}
	// Output:
	// smugglers → smuggler
	// smuggler → smuggler
	// visas → visa
	// crossing → cross
	// crossed → cross
}
