package nb_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/ghurbal/ghurbal/internal/nb"
)

// Feature ids stand in for what package classify hashes from a post.
const (
	fSmuggler = iota // مهرب
	fGermany         // ألمانيا
	fVisa            // فيزا
	fEmbassy         // سفارة
	fWeather         // طقس
)

func trainToy() *nb.Model {
	tr, err := nb.NewTrainer([]string{"smuggling", "visa", "other"}, 1<<10)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range []struct {
		label int
		feats []uint32
	}{
		{0, []uint32{fSmuggler, fGermany}},
		{0, []uint32{fSmuggler, fSmuggler}},
		{1, []uint32{fVisa, fEmbassy}},
		{1, []uint32{fVisa, fGermany}},
		{2, []uint32{fWeather}},
	} {
		if err := tr.Add(d.label, d.feats); err != nil {
			log.Fatal(err)
		}
	}
	m, err := tr.Model(nb.ModelOptions{Meta: map[string]string{"normalizer": "v1"}})
	if err != nil {
		log.Fatal(err)
	}
	return m
}

func Example() {
	m := trainToy()
	post := []uint32{fSmuggler, fGermany, 777} // 777 was never seen: ignored
	probs := m.Probabilities(m.LogScores(post, nil), nil)
	for l, name := range m.Labels() {
		fmt.Printf("%-9s %.3f\n", name, probs[l])
	}
	// Output:
	// smuggling 0.957
	// visa      0.031
	// other     0.013
}

func ExampleModel_LogScores() {
	m := trainToy()
	// Reuse buffers: no allocation per post.
	scores := make([]float64, 0, len(m.Labels()))
	probs := make([]float64, 0, len(m.Labels()))
	for _, post := range [][]uint32{{fVisa, fEmbassy}, {fWeather}} {
		scores = m.LogScores(post, scores[:0])
		probs = m.Probabilities(scores, probs[:0])
		fmt.Printf("%.2f\n", probs)
	}
	// Output:
	// [0.00 0.98 0.02]
	// [0.05 0.05 0.89]
}

func ExampleModel_Weight() {
	m := trainToy()
	fmt.Printf("smuggler→smuggling %+.2f\n", m.Weight(fSmuggler, 0))
	fmt.Printf("germany→smuggling  %+.2f\n", m.Weight(fGermany, 0))
	fmt.Printf("unseen→smuggling   %+.2f\n", m.Weight(777, 0))
	// Output:
	// smuggler→smuggling +2.34
	// germany→smuggling  +0.00
	// unseen→smuggling   +0.00
}

func ExampleReadModel() {
	m := trainToy()
	var file bytes.Buffer
	if _, err := m.WriteTo(&file); err != nil {
		log.Fatal(err)
	}
	loaded, err := nb.ReadModel(&file)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(loaded.Labels(), loaded.Meta()["normalizer"])
	// Output:
	// [smuggling visa other] v1
}

func ExampleTrainer_Merge() {
	labels := []string{"smuggling", "other"}
	a, _ := nb.NewTrainer(labels, 1<<10) // say, on one machine
	b, _ := nb.NewTrainer(labels, 1<<10) // and on another
	_ = a.Add(0, []uint32{fSmuggler})
	_ = b.Add(1, []uint32{fWeather})
	if err := a.Merge(b); err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.NumDocs(), a.NumFeatures())
	// Output:
	// [1 1] 2
}

func ExampleEvaluate() {
	labels := []string{"smuggling", "visa", "other"}
	truth := []int{0, 0, 1, 2}
	predicted := []int{0, 1, 1, 2}
	r := nb.Evaluate(labels, truth, predicted, nil)
	fmt.Print(r)
	// Output:
	//   label             precision  recall     F1  support  predicted
	//   smuggling             1.000   0.500  0.667        2          1
	//   visa                  0.500   1.000  0.667        1          2
	//   other                 1.000   1.000  1.000        1          1
	//   macro-F1 0.778  accuracy 0.750  n 4
	//
	//   true \ predicted  smuggling  visa  other
	//   smuggling                 1     1      0
	//   visa                      0     1      0
	//   other                     0     0      1
}

func ExampleStratifiedKFold() {
	labels := []int{0, 0, 0, 0, 1, 1, 1, 1, 1, 1}
	for i, test := range nb.StratifiedKFold(labels, 2, 1) {
		fmt.Println("fold", i, "test posts", test)
	}
	// Output:
	// fold 0 test posts [2 3 5 6 7]
	// fold 1 test posts [0 1 4 8 9]
}

func ExampleChooseThreshold() {
	// Held-out probabilities of "smuggling", and whether each post was.
	probs := []float64{0.98, 0.95, 0.93, 0.90, 0.88, 0.85, 0.70, 0.60, 0.40, 0.20}
	truly := []bool{true, true, true, true, true, false, true, false, false, false}
	th, p, r := nb.ChooseThreshold(probs, truly, 0.8)
	fmt.Printf("flag at ≥ %.2f: precision %.2f, recall %.2f\n", th, p, r)
	// Output:
	// flag at ≥ 0.70: precision 0.86, recall 1.00
}
