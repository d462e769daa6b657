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
//
// Every line of -in and -test must be a JSON object with a non-empty string
// "text" and "label" (other fields are ignored), and a -test label must be
// one trained on. A bad line (blank, invalid UTF-8, not a JSON object, no
// or empty "text" or "label") stops the run before training, with every
// bad line listed as file:line: what is wrong (the first ten, then a
// count), and exit status 1.
//
// Stdout carries the report and nothing else. On stderr, when it is a
// terminal, a line redrawn in place shows the progress of work that lasts
// more than a second: posts read, their rate and, from the share of the
// file read, the time left while reading; the cross-validation fold while
// training; the grid point while tuning. -progress=always draws it
// whatever stderr is; -progress=never and -quiet silence it.
//
// -report-json also writes the report as JSON: input, posts, labels,
// settings, folds, seed and target_precision; after cross-validation cv
// (a report with per-label precision, recall, F1, the confusion matrix and
// calibration), cv_decisions (the same at the thresholds, when the labels
// include the -negative one), thresholds, threshold_precision and
// threshold_recall (one per label, in the order of labels), temperature,
// bias and bias_fraction; with -test, test_input and test; with -out,
// model_file; with -tune, tune (every grid point, best first: name,
// settings, macro_f1, accuracy) and best.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	progress                          string
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
	fs.StringVar(&c.progress, "progress", progressAuto, "progress on stderr: auto (on a terminal, once work lasts a second), always or never")
	fs.IntVar(&c.train.Folds, "folds", d.Folds, "cross-validation folds (0 or 1: none, and no thresholds)")
	fs.Uint64Var(&c.train.Seed, "seed", d.Seed, "seed of the folds")
	fs.Float64Var(&c.train.TargetPrecision, "precision", d.TargetPrecision, "held-out precision each flagged label's threshold aims at")
	// Off by default: its key words are those of smuggling posts, and on
	// other label sets (ASTD) the copies only skew the data. go generate
	// turns it on for the default model (classify.DefaultTrainConfig).
	fs.BoolVar(&c.train.Arabizi, "arabizi", false, "also train on a copy of each post with its smuggling key words switched to Arabizi (as the default model is)")
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
	if c.progress != progressAuto && c.progress != progressAlways && c.progress != progressNever {
		return c, fmt.Errorf("train: -progress %q: want auto, always or never", c.progress)
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
		c.progress = progressNever
	}
	prog := newProgress(stderr, c.progress)
	defer prog.tickEvery(progressEvery)()
	fail := func(err error) int {
		prog.end()
		fmt.Fprintln(stderr, "train:", err)
		return 1
	}
	examples, err := readExamples(c.in, prog)
	if err != nil {
		return fail(err)
	}
	labels := classify.Labels(examples)
	if !slices.Contains(labels, c.train.Settings.Negative) {
		c.train.Settings.Negative = ""
	}
	lex := lexicon.Default()
	if c.lexDir != "" {
		if lex, err = lexicon.LoadDir(c.lexDir); err != nil {
			return fail(err)
		}
	}
	if c.tune && c.train.Folds < 2 {
		c.train.Folds = 5
	}
	report := map[string]any{
		"input": c.in, "posts": len(examples), "labels": labels, "settings": c.train.Settings,
		"folds": c.train.Folds, "seed": c.train.Seed, "target_precision": c.train.TargetPrecision,
	}
	fmt.Fprintf(stdout, "%d posts, labels %s\n", len(examples), strings.Join(labels, ", "))
	if c.tune {
		rows, err := tune(stdout, examples, lex, c.train, prog)
		if err != nil {
			return fail(err)
		}
		report["tune"] = rows
		report["best"] = rows[0]
		if err := writeReport(c.reportJSON, report); err != nil {
			return fail(err)
		}
		return 0
	}
	c.train.Progress = func(done, total int) {
		prog.update(status{step: trainStep(done, total), posts: done * len(examples), done: int64(done), total: int64(total)})
	}
	steps := 1
	if c.train.Folds > 1 {
		steps += c.train.Folds
	}
	prog.begin("training", status{step: trainStep(0, steps), total: int64(steps)})
	model, cv, err := classify.Train(examples, lex, c.train)
	prog.end()
	if err != nil {
		return fail(err)
	}
	if c.train.Folds > 1 {
		fmt.Fprintf(stdout, "\n%d-fold cross-validation, most probable label:\n%s\n", c.train.Folds, cv.Report)
		printThresholds(stdout, labels, cv)
		if c.train.Settings.Negative != "" {
			fmt.Fprintf(stdout, "\n%d-fold cross-validation, decisions at those thresholds:\n%s\n", c.train.Folds, cv.Decisions)
			report["cv_decisions"] = cv.Decisions
		}
		report["cv"] = cv.Report
		report["thresholds"] = cv.Thresholds
		report["threshold_precision"] = cv.ThresholdPrecision
		report["threshold_recall"] = cv.ThresholdRecall
		report["temperature"] = cv.Temperature
		report["bias"] = cv.Bias
		report["bias_fraction"] = cv.BiasFraction
	}
	if c.test != "" {
		test, err := readExamples(c.test, prog)
		if err != nil {
			return fail(err)
		}
		// readExamples keeps one example a line, so example i is line i+1.
		for i, e := range test {
			if !slices.Contains(labels, e.Label) {
				return fail(lineError{c.test, i + 1, fmt.Sprintf("label %q is not one of the trained labels %q", e.Label, labels)})
			}
		}
		cl, err := classify.New(model, lex)
		if err != nil {
			return fail(err)
		}
		prog.begin("evaluating on "+filepath.Base(c.test), status{})
		rep, err := classify.Evaluate(cl, test)
		prog.end()
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "\ntest set %s:\n%s\n", c.test, rep)
		report["test_input"] = c.test
		report["test"] = rep
	}
	if c.out != "" {
		if err := writeModel(c.out, model); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "wrote %s\n", c.out)
		report["model_file"] = c.out
	}
	if err := writeReport(c.reportJSON, report); err != nil {
		return fail(err)
	}
	return 0
}

// trainStep names what Train works on after done of its total steps: a
// cross-validation fold, then the final model.
func trainStep(done, total int) string {
	folds := total - 1
	switch {
	case done >= total:
		return ""
	case done < folds:
		return fmt.Sprintf("fold %d/%d", done+1, folds)
	}
	return "final model"
}

// writeReport writes the report as indented JSON to name, when one is
// given.
func writeReport(name string, report map[string]any) error {
	if name == "" {
		return nil
	}
	data, err := json.MarshalIndent(report, "", "  ")
	if err != nil {
		return fmt.Errorf("report: %v", err)
	}
	return os.WriteFile(name, append(data, '\n'), 0o644)
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
