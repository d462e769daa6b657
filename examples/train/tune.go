package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/lexicon"
)

// tune grid-searches smoothing, n-gram ranges and feature groups by
// cross-validated macro-F1, printing one row per setting, best last.
func tune(w io.Writer, examples []classify.Example, lex *lexicon.Lexicon, base classify.TrainConfig) error {
	if base.Folds < 2 {
		base.Folds = 5
	}
	type row struct {
		name string
		s    classify.Settings
		f1   float64
		acc  float64
	}
	var rows []row
	labels := classify.Labels(examples)
	try := func(name string, s classify.Settings) error {
		cv, err := classify.CrossValidate(examples, labels, lex, s, base.Folds, base.Seed, base.TargetPrecision)
		if err != nil {
			return err
		}
		rows = append(rows, row{name, s, cv.Report.MacroF1, cv.Report.Accuracy})
		fmt.Fprintf(w, "%-44s macro-F1 %.4f  accuracy %.4f\n", name, cv.Report.MacroF1, cv.Report.Accuracy)
		return nil
	}
	b := base.Settings
	for _, alpha := range []float64{0.03, 0.1, 0.3, 1} {
		for _, chars := range [][2]int{{0, 0}, {2, 4}, {3, 5}, {2, 5}} {
			for _, binary := range []bool{false, true} {
				s := b
				s.Alpha, s.CharMin, s.CharMax, s.Binary = alpha, chars[0], chars[1], binary
				if err := try(fmt.Sprintf("alpha=%g chars=%d-%d binary=%v", alpha, chars[0], chars[1], binary), s); err != nil {
					return err
				}
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].f1 > rows[j].f1 })
	best := rows[0].s
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
	for _, g := range groups {
		s := best
		g.set(&s)
		if err := try("best "+g.name, s); err != nil {
			return err
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].f1 > rows[j].f1 })
	fmt.Fprintf(w, "\nbest: %s  macro-F1 %.4f\nsettings %s\n", rows[0].name, rows[0].f1, rows[0].s)
	return nil
}
