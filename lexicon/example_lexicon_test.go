package lexicon_test

import (
	"fmt"
	"io/fs"
	"log"
	"strings"
	"testing/fstest"

	"github.com/ghurbal/ghurbal/lexicon"
	"github.com/ghurbal/ghurbal/normalize"
)

// A Lexicon finds its terms in a post whatever the clitics, spelling or
// script: here the proclitics of والمهربين, a spaced-out word and an
// Arabizi one.
func ExampleLexicon() {
	lex := lexicon.Default() // embedded, parsed once; share it
	for _, post := range []string{"والمهربين على الحدود", "تواصل مع م ه ر ب", "fi mohareb la almanya?"} {
		for _, h := range lex.Match(post) {
			fmt.Printf("%s %s %q\n", h.Category, h.Term, post[h.Start:h.End])
		}
	}
	// Output:
	// smuggler مهرب "مهرب"
	// crossing حدود "حدود"
	// contact تواصل "تواصل"
	// smuggler مهرب "م ه ر ب"
	// smuggler mohareb "mohareb"
	// place almanya "almanya"
}

func ExampleDefault() {
	fmt.Println(lexicon.Default().Categories())
	// Output: [contact context crossing money place reporting smuggler visa]
}

// A tool that checks the embedded files reads them through DefaultFS.
func ExampleDefaultFS() {
	b, err := fs.ReadFile(lexicon.DefaultFS(), "visa.tsv")
	if err != nil {
		log.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	fmt.Println(first == lexicon.Header)
	// Output: true
}

// A reviewer loads a working copy of the data directory.
func ExampleLoadDir() {
	lex, err := lexicon.LoadDir("testdata/good")
	if err != nil {
		log.Fatal(err) // every bad line, with file:line
	}
	for _, h := range lex.Match("مهرب على الحدود مع بيلاروسيا") {
		fmt.Println(h.Category, h.Term)
	}
	// Output:
	// smuggler مهرب
	// crossing حدود
	// place بيلاروسيا
}

// A lexicon held in memory; a term in two categories must be listed in
// overlaps.tsv.
func ExampleLoadFS() {
	fsys := fstest.MapFS{
		"lex/smuggler.tsv":            {Data: []byte(lexicon.Header + "\nمهرب\t3.0\t\tsmuggler\nطريق مضمون\t2.5\t\tguaranteed route\n")},
		"lex/crossing.tsv":            {Data: []byte(lexicon.Header + "\nحدود\t1.0\t\tborder\nطريق مضمون\t1.0\t\tguaranteed route\n")},
		"lex/" + lexicon.OverlapsFile: {Data: []byte(lexicon.OverlapsHeader + "\nطريق مضمون\tsmuggler,crossing\tsold as a crossing\n")},
	}
	lex, err := lexicon.LoadFS(fsys, "lex")
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range lex.Match("مهرب على الحدود") {
		fmt.Println(h.Category, h.Term)
	}
	// Output:
	// smuggler مهرب
	// crossing حدود
}

func ExampleLexicon_Entries() {
	lex, _ := lexicon.LoadDir("testdata/good")
	for _, e := range lex.Entries()[:3] {
		fmt.Printf("%s %s %s %.1f %q\n", e.Category, e.Term, e.Norm, e.Weight, e.Flags)
	}
	// Output:
	// contact واتساب واتساب 1.5 "nostem"
	// crossing حدود حدود 1.0 ""
	// crossing الغابة الغابه 1.5 ""
}

func ExampleLexicon_Categories() {
	lex, _ := lexicon.LoadDir("testdata/good")
	fmt.Println(lex.Categories())
	// Output: [contact crossing place smuggler visa]
}

// Model files record the hash, so a model is never used with a lexicon
// other than the one it was trained with.
func ExampleLexicon_Hash() {
	a, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	b, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t2.0\t\tsmuggler\n"), "smuggler.tsv")
	fmt.Println(a.Hash() == b.Hash(), len(a.Hash()) > 0)
	// Output: false true
}

func ExampleLexicon_Len() {
	lex, _ := lexicon.LoadDir("testdata/good")
	fmt.Println(lex.Len())
	// Output: 15
}

func ExampleLexicon_Normalizer() {
	fmt.Println(lexicon.Default().Normalizer().Version())
	// Output: ghurbal-normalize/1
}

// A pipeline that tokenizes the post too normalizes it once and hands the
// same Text to the matcher.
func ExampleLexicon_AppendMatchesText() {
	lex := lexicon.Default()
	post := "فيزا بيلاروسيا ٣٥٠٠$"
	var txt normalize.Text
	lex.Normalizer().Text(&txt, post)
	for _, h := range lex.AppendMatchesText(nil, &txt) {
		fmt.Println(h.Category, post[h.Start:h.End])
	}
	// Output:
	// visa فيزا
	// place بيلاروسيا
}

// A Hit's offsets point into the post as written: the stem of the word,
// without its clitics, in its original spelling.
func ExampleHit() {
	lex, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	post := "تواصل مع المُهَرِّبين"
	for _, h := range lex.Match(post) {
		fmt.Printf("%+v %q\n", h, post[h.Start:h.End])
	}
	// Output: {Category:smuggler Term:مهرب Start:20 End:36 Weight:3} "مُهَرِّب"
}
