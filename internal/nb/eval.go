package nb

import (
	"fmt"
	"math"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Report is the quality of a set of predictions against the truth.
// It marshals to JSON for scripts.
type Report struct {
	Labels   []LabelStats `json:"labels"`
	MacroF1  float64      `json:"macro_f1"` // mean F1 over labels with support or predictions
	Accuracy float64      `json:"accuracy"`
	N        int          `json:"n"`
	// Confusion[t][p] counts posts of true label t predicted as p.
	Confusion [][]int `json:"confusion"`
	// Calibration bins the top label's probability into [0,0.1), …,
	// [0.9,1.0]; nil when no probabilities were given.
	Calibration []CalibrationBin `json:"calibration,omitempty"`
	// ECE is the expected calibration error: the count-weighted mean of
	// |MeanProb − Observed| over the bins.
	ECE float64 `json:"ece"`
}

// LabelStats is one label's line of a Report.
type LabelStats struct {
	Label     string  `json:"label"`
	Precision float64 `json:"precision"` // 0 when the label was never predicted
	Recall    float64 `json:"recall"`    // 0 when the label has no support
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`   // posts whose true label this is
	Predicted int     `json:"predicted"` // posts predicted as this label
}

// CalibrationBin is one reliability bin: of Count predictions whose top
// probability fell in [Lo, Hi), MeanProb is their mean probability and
// Observed the fraction that were right. Well calibrated means
// MeanProb ≈ Observed.
type CalibrationBin struct {
	Lo       float64 `json:"lo"`
	Hi       float64 `json:"hi"`
	Count    int     `json:"count"`
	MeanProb float64 `json:"mean_prob"`
	Observed float64 `json:"observed"`
}

const calibrationBins = 10

// Evaluate compares predicted labels (indexes into labels) with the truth.
// topProb, if not nil, holds the probability each prediction was made
// with and fills the calibration bins. Evaluate panics if the slices
// differ in length or hold a label index or probability out of range:
// those are programming errors, like an index out of range.
func Evaluate(labels []string, truth []int, predicted []int, topProb []float64) Report {
	n := len(labels)
	if len(predicted) != len(truth) || (topProb != nil && len(topProb) != len(truth)) {
		panic(fmt.Sprintf("nb.Evaluate: %d truths, %d predictions, %d probabilities", len(truth), len(predicted), len(topProb)))
	}
	r := Report{N: len(truth), Labels: make([]LabelStats, n), Confusion: make([][]int, n)}
	for t := range r.Confusion {
		r.Confusion[t] = make([]int, n)
	}
	correct := 0
	for i, t := range truth {
		p := predicted[i]
		if t < 0 || t >= n || p < 0 || p >= n {
			panic(fmt.Sprintf("nb.Evaluate: post %d: label %d or %d out of range [0,%d)", i, t, p, n))
		}
		r.Confusion[t][p]++
		if t == p {
			correct++
		}
	}
	var sumF1 float64
	var counted int
	for l, name := range labels {
		s := LabelStats{Label: name}
		tp := r.Confusion[l][l]
		for k := range n {
			s.Support += r.Confusion[l][k]
			s.Predicted += r.Confusion[k][l]
		}
		s.Precision = ratio(tp, s.Predicted)
		s.Recall = ratio(tp, s.Support)
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		if s.Support+s.Predicted > 0 {
			sumF1 += s.F1
			counted++
		}
		r.Labels[l] = s
	}
	r.MacroF1 = ratioF(sumF1, counted)
	r.Accuracy = ratio(correct, len(truth))
	if topProb != nil {
		r.Calibration = make([]CalibrationBin, calibrationBins)
		right := make([]int, calibrationBins)
		for i, p := range topProb {
			if !(p >= 0 && p <= 1) {
				panic(fmt.Sprintf("nb.Evaluate: post %d: probability %v out of [0,1]", i, p))
			}
			b := min(int(p*calibrationBins), calibrationBins-1)
			r.Calibration[b].Count++
			r.Calibration[b].MeanProb += p
			if truth[i] == predicted[i] {
				right[b]++
			}
		}
		for b := range r.Calibration {
			c := &r.Calibration[b]
			c.Lo, c.Hi = float64(b)/calibrationBins, float64(b+1)/calibrationBins
			c.MeanProb = ratioF(c.MeanProb, c.Count)
			c.Observed = ratio(right[b], c.Count)
			r.ECE += float64(c.Count) * math.Abs(c.MeanProb-c.Observed)
		}
		r.ECE = ratioF(r.ECE, len(truth))
	}
	return r
}

func ratio(a, b int) float64 { return ratioF(float64(a), b) }

func ratioF(a float64, b int) float64 {
	if b == 0 {
		return 0
	}
	return a / float64(b)
}

// String formats the report as aligned tables: per-label scores, the
// confusion matrix and, when present, the calibration bins.
func (r Report) String() string {
	// Label cells are padded by hand so they read left-aligned while the
	// numbers align right.
	width := utf8.RuneCountInString("true \\ predicted")
	for _, s := range r.Labels {
		width = max(width, utf8.RuneCountInString(s.Label))
	}
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "%-*s\tprecision\trecall\tF1\tsupport\tpredicted\t\n", width, "label")
	for _, s := range r.Labels {
		fmt.Fprintf(w, "%-*s\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", width, s.Label, s.Precision, s.Recall, s.F1, s.Support, s.Predicted)
	}
	fmt.Fprintf(w, "  macro-F1 %.3f  accuracy %.3f  n %d\n\n", r.MacroF1, r.Accuracy, r.N)
	fmt.Fprintf(w, "%-*s\t", width, "true \\ predicted")
	for _, s := range r.Labels {
		fmt.Fprintf(w, "%s\t", s.Label)
	}
	fmt.Fprintln(w)
	for t, row := range r.Confusion {
		fmt.Fprintf(w, "%-*s\t", width, r.Labels[t].Label)
		for _, c := range row {
			fmt.Fprintf(w, "%d\t", c)
		}
		fmt.Fprintln(w)
	}
	if r.Calibration != nil {
		fmt.Fprintf(w, "\n%-*s\tcount\tmean p\tobserved\t\n", width, "top probability")
		for i, c := range r.Calibration {
			end := ")"
			if i == len(r.Calibration)-1 {
				end = "]"
			}
			if c.Count == 0 {
				fmt.Fprintf(w, "%-*s\t0\t-\t-\t\n", width, fmt.Sprintf("[%.1f,%.1f%s", c.Lo, c.Hi, end))
				continue
			}
			fmt.Fprintf(w, "%-*s\t%d\t%.3f\t%.3f\t\n", width, fmt.Sprintf("[%.1f,%.1f%s", c.Lo, c.Hi, end), c.Count, c.MeanProb, c.Observed)
		}
		fmt.Fprintf(w, "  ECE %.3f (expected calibration error)\n", r.ECE)
	}
	w.Flush()
	return sb.String()
}
