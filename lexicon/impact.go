package lexicon

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Post is one labelled post of a corpus, as in corpus/*.jsonl.
type Post struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Label string `json:"label"`
}

// ReadPosts reads labelled JSON lines ({"id","text","label",…}); a line that
// is not such an object is an error naming its line.
func ReadPosts(r io.Reader) ([]Post, error) {
	var posts []Post
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p Post
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if p.Label == "" {
			return nil, fmt.Errorf("line %d: no label", line)
		}
		posts = append(posts, p)
	}
	return posts, sc.Err()
}

// TermImpact says which posts one entry matches, by label.
type TermImpact struct {
	Entry   Entry
	ByLabel map[string]int      // posts matched, per label
	Posts   map[string][]string // ids of the posts matched, per label
}

// Precision returns the share of matched posts that have label.
func (t TermImpact) Precision(label string) float64 {
	total := 0
	for _, n := range t.ByLabel {
		total += n
	}
	if total == 0 {
		return 0
	}
	return float64(t.ByLabel[label]) / float64(total)
}

// Impact matches every post against the lexicon and reports, for each entry
// that matched at least once, how many posts of each label it matched, so a
// reviewer sees a term's precision before merging it. Entries are returned
// in the lexicon's order.
func Impact(lex *Lexicon, posts []Post) []TermImpact {
	byEntry := map[string]*TermImpact{}
	var order []string
	key := func(h Hit) string { return h.Category + "\t" + h.Term }
	for _, e := range lex.entries {
		k := e.Category + "\t" + e.Term
		byEntry[k] = &TermImpact{Entry: e, ByLabel: map[string]int{}, Posts: map[string][]string{}}
		order = append(order, k)
	}
	var hits []Hit
	for _, p := range posts {
		hits = lex.AppendMatches(hits[:0], p.Text)
		var seen []string
		for _, h := range hits {
			k := key(h)
			if slices.Contains(seen, k) {
				continue
			}
			seen = append(seen, k)
			t := byEntry[k]
			t.ByLabel[p.Label]++
			t.Posts[p.Label] = append(t.Posts[p.Label], p.ID)
		}
	}
	var out []TermImpact
	for _, k := range order {
		if t := byEntry[k]; len(t.ByLabel) > 0 {
			out = append(out, *t)
		}
	}
	return out
}

// Coverage returns, for each positive label of the default model, the
// share of its posts that get at least one hit of the label's category
// (smuggling→smuggler, visa→visa, crossing→crossing), and the share of
// other posts that get a smuggler hit.
func Coverage(lex *Lexicon, posts []Post) (shares map[string]float64, otherSmuggler float64) {
	category := map[string]string{"smuggling": "smuggler", "visa": "visa", "crossing": "crossing"}
	hitPosts, total := map[string]int{}, map[string]int{}
	fp := 0
	var hits []Hit
	for _, p := range posts {
		total[p.Label]++
		hits = lex.AppendMatches(hits[:0], p.Text)
		found, smuggler := false, false
		for _, h := range hits {
			found = found || h.Category == category[p.Label]
			smuggler = smuggler || h.Category == "smuggler"
		}
		if found {
			hitPosts[p.Label]++
		}
		if p.Label == "other" && smuggler {
			fp++
		}
	}
	shares = map[string]float64{}
	for l := range category {
		if total[l] > 0 {
			shares[l] = float64(hitPosts[l]) / float64(total[l])
		}
	}
	if total["other"] > 0 {
		otherSmuggler = float64(fp) / float64(total["other"])
	}
	return shares, otherSmuggler
}
