// Command triage classifies posts, one per line, and writes one JSON object
// per input line in input order (the command-line contract of
// ../shared/DESIGN.md, kept exactly: other programs consume this output).
//
//	go run ./examples/triage examples/triage/sample.jsonl
//	go run ./examples/triage -format text -explain examples/triage/sample.jsonl
//	cat posts.txt | go run ./examples/triage -workers 4 > results.jsonl
//
// A line whose first non-blank byte is { must be a JSON object with a string
// field "text" (and any "id", copied to the output); any other line is the
// post itself. A line it cannot use is answered, in its place, by an error
// object with a code: bad_json, no_text, invalid_utf8, too_long or empty.
// Exit status: 0 when all input was read, 1 when input, model or lexicon
// could not be read, 2 for a usage error.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ghurbal/ghurbal/classify"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

type config struct {
	modelFile, lexDir, format string
	explain                   bool
	workers                   int
	maxLine                   int
	files                     []string
	color                     bool
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("triage", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.modelFile, "model", "", "model file (default: the embedded model)")
	fs.StringVar(&c.lexDir, "lexicon", "", "lexicon directory (default: the embedded lexicon)")
	fs.StringVar(&c.format, "format", "jsonl", "output format: jsonl (one object per line) or text (for people)")
	fs.BoolVar(&c.explain, "explain", false, "add the features that moved each score most")
	fs.IntVar(&c.workers, "workers", 1, "classify on this many goroutines (output stays in input order)")
	fs.IntVar(&c.maxLine, "max-line", 1<<20, "longest line in bytes; longer lines are answered with too_long")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch {
	case c.format != "jsonl" && c.format != "text":
		return c, fmt.Errorf("triage: -format must be jsonl or text, not %q", c.format)
	case c.workers < 1 || c.workers > 1024:
		return c, fmt.Errorf("triage: -workers must be between 1 and 1024")
	case c.maxLine < 1:
		return c, fmt.Errorf("triage: -max-line must be positive")
	}
	c.files = fs.Args()
	return c, nil
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, err)
		}
		return 2
	}
	clf, err := loadClassifier(c)
	if err != nil {
		fmt.Fprintln(stderr, "triage:", err)
		return 1
	}
	c.color = c.format == "text" && isTerminal(stdout)
	w := bufio.NewWriterSize(stdout, 64<<10)
	defer w.Flush()
	out := newWriter(c, w)
	p := newPipeline(clf, c, out)
	if len(c.files) == 0 {
		err = p.read(stdin)
	}
	for _, name := range c.files {
		if err != nil {
			break
		}
		var f *os.File
		if f, err = os.Open(name); err == nil {
			err = p.read(f)
			f.Close()
		}
	}
	p.close()
	out.summary()
	if err != nil {
		w.Flush()
		fmt.Fprintln(stderr, "triage:", err)
		return 1
	}
	return 0
}

func loadClassifier(c config) (*classify.Classifier, error) {
	return classify.Load(c.modelFile, c.lexDir)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
