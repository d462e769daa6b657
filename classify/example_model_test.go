package classify_test

import (
	"bytes"
	"fmt"
	"log"
	"slices"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/lexicon"
	"github.com/ghurbal/ghurbal/normalize"
)

// A Model travels as a file with what it needs to be used correctly.
func ExampleModel() {
	m := classify.Default().Model()
	fmt.Println(m.Labels())
	fmt.Println(m.NormalizerVersion() == normalize.Default().Version())
	fmt.Println(m.LexiconHash() == lexicon.Default().Hash())
	// Output:
	// [crossing other smuggling visa]
	// true
	// true
}

// Save a model and read it back: the same model gives the same bytes.
func ExampleModel_WriteTo() {
	var file bytes.Buffer
	if _, err := toyModel().WriteTo(&file); err != nil {
		log.Fatal(err)
	}
	m, err := classify.ReadModel(bytes.NewReader(file.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	var again bytes.Buffer
	m.WriteTo(&again)
	fmt.Println(bytes.Equal(file.Bytes(), again.Bytes()))
	// Output: true
}

// ReadModel refuses anything that is not a whole, undamaged model file.
func ExampleReadModel() {
	_, err := classify.ReadModel(bytes.NewReader([]byte("{\"labels\": [\"smuggling\"]}")))
	fmt.Println(err)
	var file bytes.Buffer
	toyModel().WriteTo(&file)
	_, err = classify.ReadModel(bytes.NewReader(file.Bytes()[:file.Len()-1]))
	fmt.Println(err)
	// Output:
	// classify: reading model: nb: not a naive-Bayes model file (bad magic): starts with "{\"la"
	// classify: reading model: nb: corrupt model file: truncated in the checksum
}

func ExampleModel_Labels() {
	fmt.Println(toyModel().Labels())
	// Output: [crossing other smuggling visa]
}

func ExampleModel_Settings() {
	s := classify.Default().Model().Settings()
	fmt.Println(s == classify.DefaultSettings())
	// Output: true
}

// Thresholds are chosen by cross-validation for a target precision; the
// negative label's is never used.
func ExampleModel_Thresholds() {
	m := classify.Default().Model()
	for i, th := range m.Thresholds() {
		fmt.Println(m.Labels()[i], th > 0 && th <= 1)
	}
	// Output:
	// crossing true
	// other false
	// smuggling true
	// visa true
}

// A team with no one to review visa posts yet stops flagging them: a
// threshold above 1 is never reached.
func ExampleModel_WithThresholds() {
	m := classify.Default().Model()
	th := m.Thresholds()
	th[slices.Index(m.Labels(), "visa")] = 1.01
	noVisa, err := m.WithThresholds(th)
	if err != nil {
		log.Fatal(err)
	}
	clf, _ := classify.New(noVisa, nil)
	r := clf.Classify("فيزا بيلاروسيا سياحية مع حجز فندق ودعوة")
	fmt.Println(r.Top, r.Label, r.Flagged)
	// Output: visa other false
}

func ExampleModel_NormalizerVersion() {
	fmt.Println(toyModel().NormalizerVersion())
	// Output: ghurbal-normalize/1
}

func ExampleModel_LexiconHash() {
	fmt.Println(toyModel().LexiconHash() == lexicon.Default().Hash())
	// Output: true
}

// A model from Trainer.Model is uncalibrated; Train fits the temperature
// and biases on held-out scores.
func ExampleModel_Temperature() {
	fmt.Println(toyModel().Temperature())
	fmt.Println(classify.Default().Model().Temperature() > 0)
	// Output:
	// 1
	// true
}

func ExampleModel_Bias() {
	fmt.Println(toyModel().Bias())
	fmt.Println(len(classify.Default().Model().Bias()))
	// Output:
	// [0 0 0 0]
	// 4
}

func ExampleModel_NumDocs() {
	fmt.Println(toyModel().NumDocs())
	// Output: [3 4 3 3]
}
