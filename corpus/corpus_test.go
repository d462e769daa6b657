// Package corpus holds the labelled posts the default model is trained on
// (posts.jsonl) and the independently written holdout (holdout.jsonl). Its
// tests check their format, balance and variety.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/ghurbal/ghurbal/normalize"
)

type post struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Label   string `json:"label"`
	Dialect string `json:"dialect"`
}

var (
	labels   = []string{"smuggling", "visa", "crossing", "other"}
	dialects = []string{"msa", "iraqi", "levantine", "kurdish", "gulf", "egyptian", "maghrebi"}
)

func readPosts(t *testing.T, name string) []post {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var posts []post
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var p post
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		if p.ID == "" || strings.TrimSpace(p.Text) == "" {
			t.Errorf("%s:%d: empty id or text", name, line)
		}
		if !slices.Contains(labels, p.Label) {
			t.Errorf("%s:%d: unknown label %q", name, line, p.Label)
		}
		if !slices.Contains(dialects, p.Dialect) {
			t.Errorf("%s:%d: unknown dialect %q", name, line, p.Dialect)
		}
		posts = append(posts, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return posts
}

// isArabizi reports a post written mostly in Latin letters.
func isArabizi(text string) bool {
	latin, arabic := 0, 0
	for _, r := range text {
		switch {
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		case normalize.IsArabicLetter(r):
			arabic++
		}
	}
	return latin > arabic
}

// wordSet is the set of a post's normalized word tokens.
func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	for tok := range normalize.Tokens(normalize.String(text)) {
		switch tok.Kind {
		case normalize.KindArabic, normalize.KindLatin, normalize.KindNumber:
			set[tok.Text] = true
		}
	}
	return set
}

// nearDuplicates returns the pairs of posts whose normalized word sets
// share 60% or more (Jaccard: shared words over all words of the two).
func nearDuplicates(posts []post) []string {
	sets := make([]map[string]bool, len(posts))
	index := map[string][]int{}
	for i, p := range posts {
		sets[i] = wordSet(p.Text)
		for w := range sets[i] {
			index[w] = append(index[w], i)
		}
	}
	var out []string
	for i := range posts {
		shared := map[int]int{}
		for w := range sets[i] {
			for _, j := range index[w] {
				if j > i {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			union := len(sets[i]) + len(sets[j]) - n
			if union > 0 && float64(n)/float64(union) >= 0.6 {
				out = append(out, fmt.Sprintf("%s ~ %s (%d of %d words)", posts[i].ID, posts[j].ID, n, union))
			}
		}
	}
	sort.Strings(out)
	return out
}

func report(t *testing.T, name string, posts []post) map[string]int {
	byLabel := map[string]int{}
	byDialect := map[string]int{}
	arabizi := 0
	for _, p := range posts {
		byLabel[p.Label]++
		byDialect[p.Dialect]++
		if isArabizi(p.Text) {
			arabizi++
		}
	}
	t.Logf("%s: %d posts; labels %v; dialects %v; Arabizi %d (%.1f%%)", name, len(posts), byLabel, byDialect,
		arabizi, 100*float64(arabizi)/float64(len(posts)))
	byLabel["arabizi"] = arabizi
	return byLabel
}

func TestPosts(t *testing.T) {
	posts := readPosts(t, "posts.jsonl")
	counts := report(t, "posts.jsonl", posts)
	for _, l := range []string{"smuggling", "visa", "crossing"} {
		if counts[l] < 400 {
			t.Errorf("posts.jsonl: %d %s posts, want at least 400", counts[l], l)
		}
	}
	if counts["other"] < 1200 {
		t.Errorf("posts.jsonl: %d other posts, want at least 1200", counts["other"])
	}
	if share := float64(counts["arabizi"]) / float64(len(posts)); share < 0.08 {
		t.Errorf("posts.jsonl: %.1f%% Arabizi, want at least 8%%", 100*share)
	}
	checkDialects(t, posts)
}

func TestHoldout(t *testing.T) {
	posts := readPosts(t, "holdout.jsonl")
	counts := report(t, "holdout.jsonl", posts)
	if len(posts) < 400 {
		t.Errorf("holdout.jsonl: %d posts, want at least 400", len(posts))
	}
	for _, l := range labels {
		if counts[l] < 90 {
			t.Errorf("holdout.jsonl: %d %s posts, want at least 90", counts[l], l)
		}
	}
}

func checkDialects(t *testing.T, posts []post) {
	seen := map[string]bool{}
	for _, p := range posts {
		seen[p.Dialect] = true
	}
	for _, d := range dialects {
		if !seen[d] {
			t.Errorf("no post in dialect %s", d)
		}
	}
}

// TestIDsAreUniqueAcrossFiles keeps training and holdout posts apart.
func TestIDsAreUniqueAcrossFiles(t *testing.T) {
	ids := map[string]string{}
	texts := map[string]string{}
	for _, name := range []string{"posts.jsonl", "holdout.jsonl"} {
		for _, p := range readPosts(t, name) {
			if prev, ok := ids[p.ID]; ok {
				t.Errorf("id %s in %s and %s", p.ID, prev, name)
			}
			ids[p.ID] = name
			key := normalize.String(p.Text)
			if prev, ok := texts[key]; ok {
				t.Errorf("post %s (%s) repeats the text of %s", p.ID, name, prev)
			}
			texts[key] = p.ID
		}
	}
}

func TestNoNearDuplicates(t *testing.T) {
	for _, name := range []string{"posts.jsonl", "holdout.jsonl"} {
		for _, d := range nearDuplicates(readPosts(t, name)) {
			t.Errorf("%s: near-duplicates %s", name, d)
		}
	}
}

func TestNearDuplicateDetector(t *testing.T) {
	posts := []post{
		{ID: "a", Text: "مهرب الى المانيا السعر 3000 دولار"},
		{ID: "b", Text: "مُهرّب إلى ألمانيا، السعر 3000 دولار!!"},
		{ID: "c", Text: "الطقس جميل اليوم في بغداد"},
	}
	require := nearDuplicates(posts)
	if len(require) != 1 || !strings.HasPrefix(require[0], "a ~ b") {
		t.Fatalf("nearDuplicates = %v, want a ~ b only", require)
	}
}
