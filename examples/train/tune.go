package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/lexicon"
)

// tuneRow is one point of the grid, as -report-json writes it.
type tuneRow struct {
	Name     string            `json:"name"`
	Settings classify.Settings `json:"settings"`
	MacroF1  float64           `json:"macro_f1"`
	Accuracy float64           `json:"accuracy"`
}

// tune grid-searches smoothing, n-gram ranges and feature groups by
// base.Folds-fold cross-validated macro-F1, printing one row per setting
// as it goes and the best at the end, and drawing its progress on prog. It
// returns the rows, best first.
func tune(w io.Writer, examples []classify.Example, lex *lexicon.Lexicon, base classify.TrainConfig, prog *progress) ([]tuneRow, error) {
	alphas := []float64{0.03, 0.1, 0.3, 1}
	charRanges := [][2]int{{0, 0}, {2, 4}, {3, 5}, {2, 5}}
	binaries := []bool{false, true}
	groups := []struct {
		name string
		set  func(*classify.Settings)
	}{
		{"-pairs", func(s *classify.Settings) { s.Pairs = false }},
		{"-stems", func(s *classify.Settings) { s.Stems = false }},
		{"-lexicon", func(s *classify.Settings) { s.Lexicon = false }},
		{"lex-weight=1", func(s *classify.Settings) { s.LexiconWeight = 1 }},
		{"lex-weight=4", func(s *classify.Settings) { s.LexiconWeight = 4 }},
		{"-signals", func(s *classify.Settings) { s.Signals = false }},
		{"+complement", func(s *classify.Settings) { s.Complement = true }},
		{"buckets=2^20", func(s *classify.Settings) { s.Buckets = 1 << 20 }},
	}
	points := len(alphas)*len(charRanges)*len(binaries) + len(groups)
	// Each point cross-validates: every post is trained on or scored
	// once per fold.
	progressAt := func(done int) status {
		return status{step: fmt.Sprintf("point %d/%d", min(done+1, points), points), posts: done * base.Folds * len(examples), done: int64(done), total: int64(points)}
	}
	prog.begin("tuning", progressAt(0))
	defer prog.end()

	var rows []tuneRow
	labels := classify.Labels(examples)
	try := func(name string, s classify.Settings) error {
		cv, err := classify.CrossValidate(examples, labels, lex, s, base.Folds, base.Seed, base.TargetPrecision)
		if err != nil {
			return err
		}
		rows = append(rows, tuneRow{name, s, cv.Report.MacroF1, cv.Report.Accuracy})
		prog.clear() // stdout and stderr may share the terminal
		fmt.Fprintf(w, "%-44s macro-F1 %.4f  accuracy %.4f\n", name, cv.Report.MacroF1, cv.Report.Accuracy)
		prog.update(progressAt(len(rows)))
		return nil
	}
	b := base.Settings
	for _, alpha := range alphas {
		for _, chars := range charRanges {
			for _, binary := range binaries {
				s := b
				s.Alpha, s.CharMin, s.CharMax, s.Binary = alpha, chars[0], chars[1], binary
				if err := try(fmt.Sprintf("alpha=%g chars=%d-%d binary=%v", alpha, chars[0], chars[1], binary), s); err != nil {
					return nil, err
				}
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].MacroF1 > rows[j].MacroF1 })
	best := rows[0].Settings
	for _, g := range groups {
		s := best
		g.set(&s)
		if err := try("best "+g.name, s); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].MacroF1 > rows[j].MacroF1 })
	prog.end()
	fmt.Fprintf(w, "\nbest: %s  macro-F1 %.4f\nsettings %s\n", rows[0].Name, rows[0].MacroF1, rows[0].Settings)
	return rows, nil
}
