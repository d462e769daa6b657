package classify_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/lexicon"
)

// A service shares one Classifier and reuses one Result per goroutine; a
// flagged post goes to a reviewer with what was found in it.
func ExampleClassifier() {
	clf := classify.Default() // embedded model and lexicon; safe for concurrent use
	var r classify.Result
	for _, post := range []string{
		"توصيل من مينسك لالمانيا طريق مضمون والدفع بعد الوصول، واتساب +375 29 000 12 34",
		"مبروك للمنتخب الفوز اليوم",
	} {
		clf.ClassifyInto(&r, post)
		fmt.Println(r.Label, r.Flagged)
		if r.Flagged {
			for _, p := range r.Signals.Phones {
				fmt.Println("  phone", p.E164, post[p.Start:p.End])
			}
		}
	}
	// Output:
	// smuggling true
	//   phone +375290001234 +375 29 000 12 34
	// other false
}

func ExampleDefault() {
	fmt.Println(classify.Default().Labels())
	// Output: [crossing other smuggling visa]
}

func ExampleClassifier_Classify() {
	post := "mohareb mawjood 3la 7dood bolanda, el se3r 3000$ w el daf3 ba3d el wosool"
	r := classify.Default().Classify(post)
	fmt.Println(r.Label, r.Flagged, len(r.Explain) <= classify.ExplainTop)
	for _, h := range r.Hits {
		fmt.Println(h.Category, post[h.Start:h.End])
	}
	// Output:
	// smuggling true true
	// smuggler mohareb
	// crossing 7dood
	// place bolanda
	// money se3r
	// money daf3
	// smuggler ba3d el wosool
}

// In steady state ClassifyInto allocates next to nothing: the Result's
// map and slices are reused.
func ExampleClassifier_ClassifyInto() {
	clf := classify.Default()
	var r classify.Result
	for _, post := range []string{"فيزا بيلاروسيا سياحية مع حجز فندق ودعوة", "الجو بارد اليوم في اربيل"} {
		clf.ClassifyInto(&r, post)
		fmt.Println(r.Label, r.Scores[r.Label] > 0.5)
	}
	// Output:
	// visa true
	// other true
}

func ExampleClassifier_ExplainInto() {
	var r classify.Result
	classify.Default().ExplainInto(&r, "مهرب ثقة لالمانيا")
	top := r.Explain[0]
	fmt.Println(r.Label, top.Label, top.Weight > 0)
	// Output: smuggling smuggling true
}

// ClassifyAll spreads a batch over all CPUs and keeps the input order.
func ExampleClassifier_ClassifyAll() {
	posts := []string{
		"مهرب من بيلاروسيا لبولندا السعر 2500 دولار",
		"عبرنا السياج بالليل والجيش البولندي رجعنا للغابة",
		"مباراة الليلة الساعة ثمانية",
	}
	results, err := classify.Default().ClassifyAll(context.Background(), posts)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range results {
		fmt.Println(r.Label)
	}
	// Output:
	// smuggling
	// crossing
	// other
}

// A Result says what was decided, how sure the model is, and where in the
// post the evidence is.
func ExampleResult() {
	post := "طريق مضمون لالمانيا، تلغرام @abu_x"
	r := classify.Default().Classify(post)
	fmt.Println(r.Label, r.Top, r.Flagged, r.Scores[r.Top] >= r.Threshold)
	for _, h := range r.Hits {
		fmt.Println(h.Category, post[h.Start:h.End])
	}
	fmt.Println(r.Signals.Handles[0].Platform, r.Signals.Handles[0].Handle)
	// Output:
	// smuggling smuggling true true
	// smuggler طريق مضمون
	// place المانيا
	// contact تلغرام
	// telegram abu_x
}

// Each Contribution names a feature by kind and text: w: word, s: stem,
// p: word pair, c: characters, k: consonant skeleton, e: emoji, n: number,
// L: lexicon category, T: lexicon term, S: signal.
func ExampleContribution() {
	clf, _ := classify.New(toyModel(), nil)
	r := clf.Classify("مهرب ثقة لالمانيا")
	for _, c := range r.Explain[:3] {
		fmt.Println(c.Feature, c.Label)
	}
	// Output:
	// T:place:المانيا smuggling
	// L:smuggler smuggling
	// T:context:ثقة smuggling
}

func ExampleNew() {
	m := toyModel()
	clf, err := classify.New(m, nil) // nil: the default lexicon, which m was trained with
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(clf.Classify("مهرب الى المانيا السعر 2500 دولار").Label)
	// Output: smuggling
}

// New refuses a lexicon other than the model's: its scores would drift.
func ExampleAllowLexiconMismatch() {
	lex, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	_, err := classify.New(toyModel(), lex)
	fmt.Println(errors.Is(err, classify.ErrLexiconMismatch))
	clf, err := classify.New(toyModel(), lex, classify.AllowLexiconMismatch())
	fmt.Println(clf.Lexicon().Len(), err)
	// Output:
	// true
	// 1 <nil>
}

func ExampleOption() {
	allowMismatch := true // say, from a -allow-lexicon-mismatch flag
	var opts []classify.Option
	if allowMismatch {
		opts = append(opts, classify.AllowLexiconMismatch())
	}
	lex, err := lexicon.LoadDir("../lexicon/testdata/good") // a lexicon under review
	if err != nil {
		log.Fatal(err)
	}
	clf, err := classify.New(classify.Default().Model(), lex, opts...)
	fmt.Println(clf.Lexicon().Len(), err)
	// Output: 15 <nil>
}

// Load is what a program's -model and -lexicon flags mean: an empty name
// is the embedded default.
func ExampleLoad() {
	clf, err := classify.Load("", "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(clf == classify.Default())
	_, err = classify.Load("", "../lexicon/testdata/good")
	fmt.Println(errors.Is(err, classify.ErrLexiconMismatch))
	// Output:
	// true
	// true
}

func ExampleDefaultModelBytes() {
	m, err := classify.ReadModel(bytes.NewReader(classify.DefaultModelBytes()))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Labels(), m.Settings().Negative)
	// Output: [crossing other smuggling visa] other
}

func ExampleClassifier_Model() {
	m := classify.Default().Model()
	fmt.Println(m.LexiconHash() == lexicon.Default().Hash())
	// Output: true
}

func ExampleClassifier_Lexicon() {
	fmt.Println(classify.Default().Lexicon() == lexicon.Default())
	// Output: true
}

func ExampleClassifier_Labels() {
	clf, _ := classify.New(toyModel(), nil)
	fmt.Println(clf.Labels())
	// Output: [crossing other smuggling visa]
}
