package classify

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/ghurbal/ghurbal/internal/nb"
	"github.com/ghurbal/ghurbal/normalize"
)

// Model is a trained naive-Bayes model with what it needs to be used
// correctly: the feature settings, the normalizer version and the hash of
// the lexicon it was trained with, and per-label decision thresholds. It is
// immutable and safe for concurrent use.
//
// The file format (see internal/nb) is magic "GHNB", a format version, a
// JSON header with the labels, counts, thresholds and metadata, the sparse
// feature counts, and a CRC-32C checksum. ReadModel refuses a truncated,
// corrupted, oversized or version-mismatched file with a clear error.
type Model struct {
	nb         *nb.Model
	settings   Settings
	normalizer string
	lexicon    string
	// cal maps the log scores before they become probabilities (a shared
	// scale and a bias per label, fitted by Train on cross-validated
	// scores; see calibrate.go).
	cal        calibration
	thresholds []float64 // nb.Thresholds copies; cached for the hot path
}

// Metadata keys in the model file.
const (
	metaSettings    = "ghurbal.settings"
	metaNormalizer  = "ghurbal.normalizer"
	metaLexicon     = "ghurbal.lexicon"
	metaCalibration = "ghurbal.calibration"
)

// Errors of ReadModel and New, for errors.Is.
var (
	ErrNormalizerVersion = errors.New("classify: model was trained with a different normalizer version")
	ErrLexiconMismatch   = errors.New("classify: model was trained with a different lexicon")
	ErrNotGhurbalModel   = errors.New("classify: not a ghurbal model (metadata missing)")
)

// ReadModel reads a model file written by WriteTo. It fails with a clear
// error, never a panic, on a truncated, corrupted, oversized or
// version-mismatched file, and on a model trained with a normalizer whose
// version differs from this library's.
func ReadModel(r io.Reader) (*Model, error) {
	m, err := nb.ReadModel(r)
	if err != nil {
		return nil, fmt.Errorf("classify: reading model: %w", err)
	}
	return fromNB(m)
}

func fromNB(m *nb.Model) (*Model, error) {
	meta := m.Meta()
	raw, ok := meta[metaSettings]
	if !ok || meta[metaNormalizer] == "" {
		return nil, ErrNotGhurbalModel
	}
	var s Settings
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return nil, fmt.Errorf("classify: model settings: %w", err)
	}
	if err := s.validate(); err != nil {
		return nil, fmt.Errorf("classify: model settings: %w", err)
	}
	if s.Buckets != m.NumBuckets() {
		return nil, fmt.Errorf("classify: model settings say %d buckets, the counts have %d", s.Buckets, m.NumBuckets())
	}
	if s.Negative != "" && !slices.Contains(m.Labels(), s.Negative) {
		return nil, fmt.Errorf("classify: negative label %q is not one of the model's labels %q", s.Negative, m.Labels())
	}
	if v := normalize.Default().Version(); meta[metaNormalizer] != v {
		return nil, fmt.Errorf("%w: the model says %q, this library is %q; retrain the model", ErrNormalizerVersion, meta[metaNormalizer], v)
	}
	cal := calibration{scale: 1, bias: make([]float64, len(m.Labels()))}
	if raw, ok := meta[metaCalibration]; ok {
		var f calibrationFile
		if err := json.Unmarshal([]byte(raw), &f); err != nil {
			return nil, fmt.Errorf("classify: model calibration: %w", err)
		}
		if !(f.Scale >= 1e-6 && f.Scale <= 1e3) || len(f.Bias) != len(m.Labels()) {
			return nil, fmt.Errorf("classify: model calibration out of range (scale %g, %d biases for %d labels)", f.Scale, len(f.Bias), len(m.Labels()))
		}
		for _, b := range f.Bias {
			if math.IsNaN(b) || math.IsInf(b, 0) || math.Abs(b) > 1e6 {
				return nil, fmt.Errorf("classify: model calibration bias %g out of range", b)
			}
		}
		cal = calibration{scale: f.Scale, bias: f.Bias}
	}
	return &Model{nb: m, settings: s, normalizer: meta[metaNormalizer], lexicon: meta[metaLexicon],
		cal: cal, thresholds: m.Thresholds()}, nil
}

// WriteTo writes the model file. The same model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) { return m.nb.WriteTo(w) }

// Labels returns the model's labels in their fixed order.
func (m *Model) Labels() []string { return m.nb.Labels() }

// Settings returns the feature settings the model was trained with.
func (m *Model) Settings() Settings { return m.settings }

// Thresholds returns the per-label decision thresholds, in label order: a
// post is flagged with its most probable label when that label's
// probability reaches its threshold (and the label is not the negative one).
func (m *Model) Thresholds() []float64 { return m.nb.Thresholds() }

// WithThresholds returns a copy of the model with new thresholds.
func (m *Model) WithThresholds(th []float64) (*Model, error) {
	n, err := m.nb.WithThresholds(th)
	if err != nil {
		return nil, err
	}
	c := *m
	c.nb, c.thresholds = n, n.Thresholds()
	return &c, nil
}

// NormalizerVersion returns the version of the normalizer the model was
// trained with.
func (m *Model) NormalizerVersion() string { return m.normalizer }

// LexiconHash returns the hash of the lexicon the model was trained with.
func (m *Model) LexiconHash() string { return m.lexicon }

// Temperature returns the divisor applied to log scores before they become
// probabilities (1 for an uncalibrated model).
func (m *Model) Temperature() float64 { return 1 / m.cal.scale }

// Bias returns the calibration's per-label biases, in label order.
func (m *Model) Bias() []float64 { return slices.Clone(m.cal.bias) }

// calibrationFile is the calibration as stored in the model file.
type calibrationFile struct {
	Scale float64   `json:"scale"`
	Bias  []float64 `json:"bias"`
}

// NumDocs returns how many training posts each label had.
func (m *Model) NumDocs() []uint64 { return m.nb.NumDocs() }
