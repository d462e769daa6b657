package classify

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ghurbal/ghurbal/extract"
	"github.com/ghurbal/ghurbal/internal/nb"
	"github.com/ghurbal/ghurbal/lexicon"
	"github.com/ghurbal/ghurbal/normalize"
)

// Trainer counts the features of labelled posts. Trainers with the same
// labels, settings and lexicon can be merged, so training can be split
// across machines and summed. A Trainer is not safe for concurrent use.
type Trainer struct {
	settings Settings
	lex      *lexicon.Lexicon
	nb       *nb.Trainer
	index    map[string]int
	x        extractor
}

// NewTrainer returns a Trainer for the labels, extracting features with
// settings and matching lex (lexicon.Default() when nil).
func NewTrainer(labels []string, lex *lexicon.Lexicon, settings Settings) (*Trainer, error) {
	if err := settings.validate(); err != nil {
		return nil, err
	}
	if settings.Negative != "" && !slices.Contains(labels, settings.Negative) {
		return nil, fmt.Errorf("classify: negative label %q is not one of the labels %q", settings.Negative, labels)
	}
	if lex == nil {
		lex = lexicon.Default()
	}
	var opts []nb.TrainerOption
	if settings.Binary {
		opts = append(opts, nb.Binary())
	}
	t, err := nb.NewTrainer(labels, settings.Buckets, opts...)
	if err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	return &Trainer{settings: settings, lex: lex, nb: t, index: index}, nil
}

// Add counts one labelled post. An unknown label is an error and nothing
// is counted.
func (t *Trainer) Add(text, label string) error {
	i, ok := t.index[label]
	if !ok {
		return fmt.Errorf("classify: unknown label %q (labels: %q)", label, t.nb.Labels())
	}
	fs := t.x.features(&t.settings, t.lex, text, false, nil, nil)
	return t.nb.Add(i, fs.ids)
}

// Merge adds the counts of other, which must have the same labels, settings
// and lexicon.
func (t *Trainer) Merge(other *Trainer) error {
	if other.settings != t.settings {
		return fmt.Errorf("classify: merging trainers with different settings: %s and %s", t.settings, other.settings)
	}
	if other.lex.Hash() != t.lex.Hash() {
		return fmt.Errorf("classify: merging trainers with different lexicons")
	}
	return t.nb.Merge(other.nb)
}

// NumDocs returns how many posts of each label were added.
func (t *Trainer) NumDocs() []uint64 { return t.nb.NumDocs() }

// Model builds the model from the counts so far, with no thresholds (the
// most probable label is flagged unless it is the negative one) and
// uncalibrated probabilities. Train also chooses thresholds and a
// calibration by cross-validation.
func (t *Trainer) Model() (*Model, error) {
	return t.model(nil, calibration{scale: 1, bias: make([]float64, len(t.nb.Labels()))})
}

func (t *Trainer) model(thresholds []float64, cal calibration) (*Model, error) {
	calJSON, err := json.Marshal(calibrationFile{Scale: cal.scale, Bias: cal.bias})
	if err != nil {
		return nil, fmt.Errorf("classify: calibration: %w", err)
	}
	m, err := t.nb.Model(nb.ModelOptions{
		Alpha:      t.settings.Alpha,
		Complement: t.settings.Complement,
		Thresholds: thresholds,
		Meta: map[string]string{
			metaSettings:    t.settings.String(),
			metaNormalizer:  normalize.Default().Version(),
			metaLexicon:     t.lex.Hash(),
			metaCalibration: string(calJSON),
		},
	})
	if err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	return fromNB(m)
}

// extractor holds the buffers to turn one post into features; reused by a
// Trainer and pooled by a Classifier.
type extractor struct {
	txt  normalize.Text
	hits []lexicon.Hit
	sig  extract.Signals
	fs   featureSet
}

// features normalizes text, matches the lexicon, extracts signals and
// returns the post's features (valid until the next call). With a model,
// it also adds the features' log-likelihoods to scores as it makes them,
// and the returned set then holds only the last of them unless explain.
func (x *extractor) features(s *Settings, lex *lexicon.Lexicon, text string, explain bool, model *nb.Model, scores []float64) *featureSet {
	lex.Normalizer().Text(&x.txt, text)
	x.hits = x.hits[:0]
	if s.Lexicon {
		x.hits = lex.AppendMatchesText(x.hits, &x.txt)
	}
	if s.Signals {
		extract.AppendAll(&x.sig, text)
	}
	x.fs.reset(s.Buckets, explain, model, scores)
	s.extractFeatures(&x.fs, x.txt.Normalized(), x.hits, &x.sig)
	return &x.fs
}
