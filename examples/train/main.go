// Command train trains a ghurbal naive-Bayes model on labelled JSON lines
// ({"text": …, "label": …}, any label set), prints the k-fold
// cross-validation report and writes a model file that
// `examples/triage -model` and classify.ReadModel accept.
//
//	go run ./examples/train -in corpus/posts.jsonl -out model.nb
//	go run ./examples/train -in train.jsonl -test test.jsonl -out model.nb
//	go run ./examples/train -in corpus/posts.jsonl -tune
//
// Its default flags are the best settings found by -tune on the project's
// corpus, so a user who passes no flags gets the README's figures.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/lexicon"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	in, out, test, reportJSON, lexDir string
	tune, quiet                       bool
	train                             classify.TrainConfig
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	d := classify.DefaultTrainConfig()
	var c config
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.in, "in", "", "labelled JSON lines to train on (required)")
	fs.StringVar(&c.out, "out", "", "write the model file here")
	fs.StringVar(&c.test, "test", "", "labelled JSON lines to evaluate the trained model on")
	fs.StringVar(&c.reportJSON, "report-json", "", "also write the report as JSON here")
	fs.StringVar(&c.lexDir, "lexicon", "", "lexicon directory (default: the embedded lexicon)")
	fs.BoolVar(&c.tune, "tune", false, "grid-search the feature settings by cross-validated macro-F1 and print the table")
	fs.BoolVar(&c.quiet, "quiet", false, "print nothing but errors")
	fs.IntVar(&c.train.Folds, "folds", d.Folds, "cross-validation folds (0 or 1: none, and no thresholds)")
	fs.Uint64Var(&c.train.Seed, "seed", d.Seed, "seed of the folds")
	fs.Float64Var(&c.train.TargetPrecision, "precision", d.TargetPrecision, "held-out precision each flagged label's threshold aims at")
	s := d.Settings
	buckets := fs.Uint("buckets", uint(s.Buckets), "size of the hashed feature space")
	fs.BoolVar(&s.Words, "words", s.Words, "word features")
	fs.BoolVar(&s.Stems, "stems", s.Stems, "light-stem features")
	fs.BoolVar(&s.Skeletons, "skeletons", s.Skeletons, "consonant-skeleton features (Arabizi and Arabic share them)")
	fs.BoolVar(&s.Pairs, "pairs", s.Pairs, "word-pair features")
	fs.IntVar(&s.CharMin, "char-min", s.CharMin, "shortest character n-gram (0: none)")
	fs.IntVar(&s.CharMax, "char-max", s.CharMax, "longest character n-gram (0: none)")
	fs.BoolVar(&s.Lexicon, "lex", s.Lexicon, "lexicon-hit features")
	fs.IntVar(&s.LexiconWeight, "lex-weight", s.LexiconWeight, "times each lexicon feature counts")
	fs.BoolVar(&s.Signals, "signals", s.Signals, "extracted-signal features")
	fs.BoolVar(&s.Binary, "binary", s.Binary, "count each feature once per post")
	fs.Float64Var(&s.Alpha, "alpha", s.Alpha, "Lidstone smoothing")
	fs.BoolVar(&s.Complement, "complement", s.Complement, "complement naive Bayes")
	fs.StringVar(&s.Negative, "negative", s.Negative, "the label never flagged (ignored when the data has no such label)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.in == "" || fs.NArg() > 0 {
		return c, errors.New("usage: train -in labelled.jsonl [-out model.nb] [-test test.jsonl] [-folds K] [-tune] (see -h)")
	}
	s.Buckets = uint32(*buckets)
	c.train.Settings = s
	return c, nil
}

func run(args []string, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, err)
		}
		return 2
	}
	if c.quiet {
		stdout = io.Discard
	}
	examples, err := readExamples(c.in)
	if err != nil {
		fmt.Fprintln(stderr, "train:", err)
		return 1
	}
	labels := classify.Labels(examples)
	if !slices.Contains(labels, c.train.Settings.Negative) {
		c.train.Settings.Negative = ""
	}
	lex := lexicon.Default()
	if c.lexDir != "" {
		if lex, err = lexicon.LoadDir(c.lexDir); err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "%d posts, labels %s\n", len(examples), strings.Join(labels, ", "))
	if c.tune {
		if err := tune(stdout, examples, lex, c.train); err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return 1
		}
		return 0
	}
	model, cv, err := classify.Train(examples, lex, c.train)
	if err != nil {
		fmt.Fprintln(stderr, "train:", err)
		return 1
	}
	report := map[string]any{"settings": c.train.Settings, "posts": len(examples), "labels": labels}
	if c.train.Folds > 1 {
		fmt.Fprintf(stdout, "\n%d-fold cross-validation, most probable label:\n%s\n", c.train.Folds, cv.Report)
		printThresholds(stdout, labels, cv)
		if c.train.Settings.Negative != "" {
			fmt.Fprintf(stdout, "\n%d-fold cross-validation, decisions at those thresholds:\n%s\n", c.train.Folds, cv.Decisions)
			report["cv_decisions"] = cv.Decisions
		}
		report["cv"] = cv.Report
		report["thresholds"] = cv.Thresholds
		report["temperature"] = cv.Temperature
		report["bias"] = cv.Bias
		report["bias_fraction"] = cv.BiasFraction
	}
	if c.test != "" {
		test, err := readExamples(c.test)
		if err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return 1
		}
		cl, err := classify.New(model, lex)
		if err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return 1
		}
		rep, err := classify.Evaluate(cl, test)
		if err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return 1
		}
		fmt.Fprintf(stdout, "\ntest set %s:\n%s\n", c.test, rep)
		report["test"] = rep
	}
	if c.out != "" {
		if err := writeModel(c.out, model); err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %s\n", c.out)
	}
	if c.reportJSON != "" {
		data, _ := json.MarshalIndent(report, "", "  ")
		if err := os.WriteFile(c.reportJSON, append(data, '\n'), 0o644); err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return 1
		}
	}
	return 0
}

func printThresholds(w io.Writer, labels []string, cv classify.CVResult) {
	fmt.Fprintf(w, "calibration: temperature %.3g, label biases %.3g (%.1f of the likelihood-optimal ones)\n", cv.Temperature, cv.Bias, cv.BiasFraction)
	fmt.Fprintf(w, "thresholds (held-out precision / recall of the flags):\n")
	for i, l := range labels {
		if cv.Thresholds[i] == 0 && cv.ThresholdPrecision[i] == 0 {
			continue
		}
		fmt.Fprintf(w, "  %-12s %.3f  (%.3f / %.3f)\n", l, cv.Thresholds[i], cv.ThresholdPrecision[i], cv.ThresholdRecall[i])
	}
}

func writeModel(name string, m *classify.Model) error {
	tmp := name + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, name)
}

// readExamples reads labelled JSON lines; a bad line is an error naming
// the file and line.
func readExamples(name string) ([]classify.Example, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []classify.Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e classify.Example
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if e.Label == "" {
			return nil, fmt.Errorf("%s:%d: no \"label\"", name, line)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no labelled posts", name)
	}
	return out, nil
}
