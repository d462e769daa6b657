package nb_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"

	"github.com/ghurbal/ghurbal/internal/nb"
)

// A Model scores the feature ids of a post; it is immutable and shared.
func ExampleModel() {
	m := trainToy()
	probs := m.Probabilities(m.LogScores([]uint32{fVisa, fGermany}, nil), nil)
	fmt.Printf("%v %.2f\n", m.Labels(), probs)
	// Output: [smuggling visa other] [0.04 0.94 0.02]
}

// ModelOptions are stored in the file with the counts.
func ExampleModelOptions() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10)
	_ = tr.Add(0, []uint32{fSmuggler, fGermany})
	_ = tr.Add(1, []uint32{fWeather})
	m, err := tr.Model(nb.ModelOptions{
		Alpha:      0.5,
		Thresholds: []float64{0.9, 0},
		Meta:       map[string]string{"normalizer": "ghurbal-normalize/1"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Alpha(), m.Thresholds(), m.Meta())
	// Output: 0.5 [0.9 0] map[normalizer:ghurbal-normalize/1]
}

// A Model saved and read back writes the same bytes.
func ExampleModel_WriteTo() {
	var a, b bytes.Buffer
	if _, err := trainToy().WriteTo(&a); err != nil {
		log.Fatal(err)
	}
	file := bytes.Clone(a.Bytes())
	m, _ := nb.ReadModel(&a)
	m.WriteTo(&b)
	fmt.Println(bytes.Equal(file, b.Bytes()), string(file[:4]), file[4] == nb.FormatVersion)
	// Output: true GHNB true
}

// ReadModel's errors say what is wrong with a file, for errors.Is.
func ExampleReadModel_errors() {
	var file bytes.Buffer
	trainToy().WriteTo(&file)
	b := file.Bytes()
	b[len(b)-5] ^= 1 // one bit flipped in the body
	_, err := nb.ReadModel(bytes.NewReader(b))
	fmt.Println(errors.Is(err, nb.ErrChecksum))
	_, err = nb.ReadModel(bytes.NewReader([]byte("PK\x03\x04")))
	fmt.Println(errors.Is(err, nb.ErrBadMagic))
	fmt.Println(nb.MaxHeaderSize < nb.MaxFileSize)
	// Output:
	// true
	// true
	// true
}

func ExampleModel_WithThresholds() {
	m := trainToy()
	strict, err := m.WithThresholds([]float64{0.99, 0.9, 0})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Thresholds(), strict.Thresholds())
	_, err = m.WithThresholds([]float64{0.5})
	fmt.Println(err)
	// Output:
	// [0 0 0] [0.99 0.9 0]
	// nb: 1 thresholds for 3 labels
}

func ExampleModel_Thresholds() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 16)
	_ = tr.Add(0, []uint32{1})
	_ = tr.Add(1, []uint32{2})
	m, _ := tr.Model(nb.ModelOptions{Thresholds: []float64{0.8, 0}})
	fmt.Println(m.Thresholds())
	// Output: [0.8 0]
}

func ExampleModel_Meta() {
	fmt.Println(trainToy().Meta())
	// Output: map[normalizer:v1]
}

// Alpha 0 in ModelOptions selects DefaultAlpha.
func ExampleModel_Alpha() {
	fmt.Println(trainToy().Alpha(), nb.DefaultAlpha)
	// Output: 0.1 0.1
}

func ExampleModel_Complement() {
	tr := trainToy().Trainer()
	m, _ := tr.Model(nb.ModelOptions{Complement: true})
	fmt.Println(trainToy().Complement(), m.Complement())
	// Output: false true
}

func ExampleModel_VocabSize() {
	fmt.Println(trainToy().VocabSize())
	// Output: 5
}

// A saved model can be read back, given more posts and rebuilt.
func ExampleModel_Trainer() {
	tr := trainToy().Trainer()
	_ = tr.Add(2, []uint32{fWeather, 42})
	m, _ := tr.Model(nb.ModelOptions{})
	fmt.Println(m.NumDocs(), m.VocabSize())
	// Output: [2 2 2] 6
}

// Scoring a post piece by piece, as its features are made, gives exactly
// LogScores of all of them.
func ExampleModel_AppendLogPriors() {
	m := trainToy()
	scores := m.AppendLogPriors(nil)
	m.AddLogLikelihoods(scores, []uint32{fSmuggler})
	m.AddLogLikelihoods(scores, []uint32{fGermany})
	whole := m.LogScores([]uint32{fSmuggler, fGermany}, nil)
	fmt.Println(fmt.Sprint(scores) == fmt.Sprint(whole))
	// Output: true
}

func ExampleModel_AddLogLikelihoods() {
	m := trainToy()
	scores := m.AppendLogPriors(nil)
	fmt.Printf("%.2f\n", m.Probabilities(scores, nil))
	m.AddLogLikelihoods(scores, []uint32{777}) // never seen: adds nothing
	fmt.Printf("%.2f\n", m.Probabilities(scores, nil))
	m.AddLogLikelihoods(scores, []uint32{fWeather})
	fmt.Printf("%.2f\n", m.Probabilities(scores, nil))
	// Output:
	// [0.40 0.40 0.20]
	// [0.40 0.40 0.20]
	// [0.05 0.05 0.89]
}

func ExampleModel_Probabilities() {
	m := trainToy()
	fmt.Printf("%.3f\n", m.Probabilities([]float64{-1000, -1001, -1010}, nil))
	// Output: [0.731 0.269 0.000]
}

func ExampleModel_Labels() {
	fmt.Println(trainToy().Labels())
	// Output: [smuggling visa other]
}

func ExampleModel_NumBuckets() {
	fmt.Println(trainToy().NumBuckets())
	// Output: 1024
}

func ExampleModel_Binary() {
	fmt.Println(trainToy().Binary())
	// Output: false
}

func ExampleModel_NumDocs() {
	fmt.Println(trainToy().NumDocs())
	// Output: [2 2 1]
}
