// Command lexicon formats, checks and reports on lexicon data files.
//
//	go run ./lexicon/cmd/lexicon fmt [-w] [DIR]          print (or rewrite, with -w) files the formatter would change
//	go run ./lexicon/cmd/lexicon check [DIR]             list every bad entry with file:line
//	go run ./lexicon/cmd/lexicon impact [-data DIR] [-term TERM -category CAT] CORPUS.jsonl…
//	go run ./lexicon/cmd/lexicon coverage [-data DIR] [-misses LABEL] CORPUS.jsonl…
//
// DIR defaults to lexicon/data. impact prints, for each entry (or for one
// new TERM), how many posts of each label of the corpus it matches, so a
// reviewer sees a term's precision before merging it. coverage prints the
// share of each positive label's posts that get a hit of its category and
// the share of other posts with a smuggler hit; -misses LABEL also lists
// that label's posts with no hit of its category. Run these on
// corpus/posts.jsonl, never on corpus/holdout.jsonl: the holdout is not
// for tuning.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ghurbal/ghurbal/lexicon"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  lexicon fmt [-w] [DIR]
  lexicon check [DIR]
  lexicon impact [-data DIR] [-term TERM -category CAT] CORPUS.jsonl...
  lexicon coverage [-data DIR] [-misses LABEL] CORPUS.jsonl...`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	switch args[0] {
	case "fmt":
		return runFmt(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "impact":
		return runImpact(args[1:], stdout, stderr)
	case "coverage":
		return runCoverage(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "lexicon: unknown command %q\n%s\n", args[0], usage)
	return 2
}

func dirArg(fs *flag.FlagSet) string {
	if fs.NArg() > 0 {
		return fs.Arg(0)
	}
	return filepath.Join("lexicon", "data")
}

func runFmt(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fmt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	write := fs.Bool("w", false, "rewrite the files instead of listing them")
	if fs.Parse(args) != nil {
		return 2
	}
	dir := dirArg(fs)
	names, _ := filepath.Glob(filepath.Join(dir, "*.tsv"))
	status := 0
	for _, name := range names {
		if filepath.Base(name) == lexicon.OverlapsFile {
			continue
		}
		old, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		tidy, err := lexicon.Format(bytes.NewReader(old), name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = 1
			continue
		}
		if bytes.Equal(old, tidy) {
			continue
		}
		fmt.Fprintln(stdout, name)
		if *write {
			if err := os.WriteFile(name, tidy, 0o644); err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
		}
	}
	return status
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if fs.Parse(args) != nil {
		return 2
	}
	dir := dirArg(fs)
	errs := lexicon.Validate(os.DirFS(dir), ".", lexicon.DefaultCategories)
	for _, e := range errs {
		e.File = filepath.Join(dir, e.File)
		fmt.Fprintln(stdout, e)
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "%d problems\n", len(errs))
		return 1
	}
	return 0
}

func runImpact(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("impact", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", filepath.Join("lexicon", "data"), "lexicon directory")
	term := fs.String("term", "", "report on this one term instead of the lexicon")
	category := fs.String("category", "smuggler", "the category of -term")
	if fs.Parse(args) != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "impact: name at least one labelled JSONL corpus")
		return 2
	}
	var lex *lexicon.Lexicon
	var err error
	if *term != "" {
		tsv := lexicon.Header + "\n" + *term + "\t1.0\t\tcandidate term\n"
		lex, err = lexicon.Parse(strings.NewReader(tsv), *category+".tsv")
	} else {
		lex, err = lexicon.LoadDir(*data)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	posts, err := readPosts(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var labels []string
	for _, p := range posts {
		if !slices.Contains(labels, p.Label) {
			labels = append(labels, p.Label)
		}
	}
	slices.Sort(labels)
	fmt.Fprintf(stdout, "%-10s %-28s", "category", "term")
	for _, l := range labels {
		fmt.Fprintf(stdout, " %9s", l)
	}
	fmt.Fprintln(stdout)
	for _, t := range lexicon.Impact(lex, posts) {
		fmt.Fprintf(stdout, "%-10s %-28s", t.Entry.Category, t.Entry.Term)
		for _, l := range labels {
			fmt.Fprintf(stdout, " %9d", t.ByLabel[l])
		}
		fmt.Fprintln(stdout)
	}
	return 0
}

func readPosts(names []string) ([]lexicon.Post, error) {
	var posts []lexicon.Post
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		ps, err := lexicon.ReadPosts(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		posts = append(posts, ps...)
	}
	return posts, nil
}

func runCoverage(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coverage", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", filepath.Join("lexicon", "data"), "lexicon directory")
	misses := fs.String("misses", "", "list the posts of this label with no hit of its category")
	if fs.Parse(args) != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "coverage: name at least one labelled JSONL corpus")
		return 2
	}
	lex, err := lexicon.LoadDir(*data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	posts, err := readPosts(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	shares, fp := lexicon.Coverage(lex, posts)
	fmt.Fprintf(stdout, "smuggling %.3f  visa %.3f  crossing %.3f  other-with-smuggler-hit %.3f\n",
		shares["smuggling"], shares["visa"], shares["crossing"], fp)
	if *misses != "" {
		category := map[string]string{"smuggling": "smuggler", "visa": "visa", "crossing": "crossing", "other": "smuggler"}[*misses]
		for _, p := range posts {
			if p.Label != *misses {
				continue
			}
			hit := false
			for _, h := range lex.Match(p.Text) {
				hit = hit || h.Category == category
			}
			if hit == (*misses == "other") {
				fmt.Fprintf(stdout, "%s\t%s\n", p.ID, strings.ReplaceAll(p.Text, "\n", " "))
			}
		}
	}
	return 0
}
