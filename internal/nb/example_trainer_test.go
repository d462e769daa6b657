package nb_test

import (
	"fmt"
	"log"

	"github.com/ghurbal/ghurbal/internal/nb"
)

// A Trainer counts; Model smooths the counts into something to score with.
func ExampleTrainer() {
	tr, err := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10)
	if err != nil {
		log.Fatal(err)
	}
	_ = tr.Add(0, []uint32{fSmuggler, fGermany})
	_ = tr.Add(1, []uint32{fWeather})
	m, _ := tr.Model(nb.ModelOptions{})
	p := m.Probabilities(m.LogScores([]uint32{fSmuggler}, nil), nil)
	fmt.Printf("%.2f\n", p)
	// Output: [0.86 0.14]
}

func ExampleNewTrainer() {
	_, err := nb.NewTrainer([]string{"smuggling", "smuggling"}, 1<<10)
	fmt.Println(err)
	_, err = nb.NewTrainer([]string{"smuggling", "other"}, nb.MaxBuckets+1)
	fmt.Println(err)
	fmt.Println(nb.MaxLabels, nb.MaxCells)
	// Output:
	// nb: duplicate label "smuggling"
	// nb: 16777217 buckets, want 1 to 16777216
	// 64 67108864
}

// TrainerOptions are given to NewTrainer and kept in the model file.
func ExampleTrainerOption() {
	opts := []nb.TrainerOption{nb.Binary()} // posts are short: a repeat is not more evidence
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10, opts...)
	_ = tr.Add(0, []uint32{fSmuggler})
	_ = tr.Add(1, []uint32{fWeather})
	m, _ := tr.Model(nb.ModelOptions{})
	fmt.Println(m.Binary())
	// Output: true
}

// With Binary a word repeated in a post counts once, so it does not
// crowd out the post's other words.
func ExampleBinary() {
	for _, opts := range [][]nb.TrainerOption{nil, {nb.Binary()}} {
		tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10, opts...)
		_ = tr.Add(0, []uint32{fSmuggler, fSmuggler, fSmuggler, fSmuggler, fGermany})
		_ = tr.Add(1, []uint32{fWeather, fGermany})
		m, _ := tr.Model(nb.ModelOptions{})
		fmt.Printf("%+.2f\n", m.Weight(fGermany, 0))
	}
	// Output:
	// -0.83
	// +0.00
}

func ExampleTrainer_Add() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10)
	fmt.Println(tr.Add(0, []uint32{fSmuggler}))
	fmt.Println(tr.Add(2, []uint32{fSmuggler}))
	fmt.Println(tr.Add(1, []uint32{1 << 10}))
	fmt.Println(tr.NumDocs())
	// Output:
	// <nil>
	// nb: label 2 out of range [0,2)
	// nb: feature id 1024 out of range [0,1024)
	// [1 0]
}

func ExampleTrainer_Labels() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "visa", "other"}, 1<<10)
	fmt.Println(tr.Labels())
	// Output: [smuggling visa other]
}

func ExampleTrainer_NumBuckets() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<18)
	fmt.Println(tr.NumBuckets())
	// Output: 262144
}

func ExampleTrainer_Binary() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10, nb.Binary())
	fmt.Println(tr.Binary())
	// Output: true
}

func ExampleTrainer_NumDocs() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10)
	_ = tr.Add(0, []uint32{fSmuggler})
	_ = tr.Add(0, []uint32{fGermany})
	_ = tr.Add(1, []uint32{fWeather})
	fmt.Println(tr.NumDocs())
	// Output: [2 1]
}

func ExampleTrainer_NumFeatures() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10)
	_ = tr.Add(0, []uint32{fSmuggler, fGermany, fSmuggler})
	_ = tr.Add(1, []uint32{fWeather, fGermany})
	fmt.Println(tr.NumFeatures())
	// Output: 3
}

// The Trainer stays usable: later posts do not change a Model already made.
func ExampleTrainer_Model() {
	tr, _ := nb.NewTrainer([]string{"smuggling", "other"}, 1<<10)
	_ = tr.Add(0, []uint32{fSmuggler})
	_ = tr.Add(1, []uint32{fWeather})
	m, err := tr.Model(nb.ModelOptions{})
	if err != nil {
		log.Fatal(err)
	}
	_ = tr.Add(1, []uint32{fWeather})
	fmt.Println(m.NumDocs(), tr.NumDocs())
	// Output: [1 1] [1 2]
}
