package lexicon

import (
	"os"
	"testing"
)

func readCorpus(t *testing.T, name string) []Post {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	posts, err := ReadPosts(f)
	if err != nil {
		t.Fatal(err)
	}
	return posts
}

// TestCoverage measures the default lexicon on the corpus. The bar is set
// on the holdout, which no one tuning the lexicon reads: at least 85% of
// each positive label's posts get a hit of its category, and at most 10%
// of other posts get a smuggler hit. Smuggling does not reach 0.85 yet
// (0.780 when this was written: smuggling posts that name no smuggler and
// say only "Abu X, still running?" or "a boat from Dunkirk, 1200 pounds"
// have nothing for a smuggler lexicon to find); it is held at that level
// so it cannot slip while the work goes on. It was 0.790 until وكيل and
// مرشد moved to context for their false hits on real tweets (ونعم
// الوكيل، المرشد), which cost one holdout post and spared two other posts.
func TestCoverage(t *testing.T) {
	bar := map[string]float64{"smuggling": 0.78, "visa": 0.85, "crossing": 0.85}
	for _, name := range []string{"../corpus/posts.jsonl", "../corpus/holdout.jsonl"} {
		shares, fp := Coverage(Default(), readCorpus(t, name))
		t.Logf("%s: smuggling %.3f, visa %.3f, crossing %.3f; other posts with a smuggler hit %.3f",
			name, shares["smuggling"], shares["visa"], shares["crossing"], fp)
		if name != "../corpus/holdout.jsonl" {
			continue
		}
		for l, s := range shares {
			if s < bar[l] {
				t.Errorf("holdout: %.3f of %s posts get a hit of their category, want at least %.2f", s, l, bar[l])
			}
		}
		if fp > 0.10 {
			t.Errorf("holdout: %.3f of other posts get a smuggler hit, want at most 0.10", fp)
		}
	}
}
