package classify_test

import (
	"encoding/json"
	"fmt"
	"log"
	"strings"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/lexicon"
)

// posts is a toy training set: three or four authored posts per label.
var posts = []classify.Example{
	{Text: "مهرب لالمانيا طريق مضمون السعر 3000 دولار واتساب", Label: "smuggling"},
	{Text: "عدنا مهرب ثقة توصيل لالمانيا الدفع بعد الوصول", Label: "smuggling"},
	{Text: "ابحث عن مهرب من مينسك الى المانيا", Label: "smuggling"},
	{Text: "فيزا بيلاروسيا سياحية مع حجز فندق", Label: "visa"},
	{Text: "مكتب سفريات فيزا روسيا دعوة رسمية", Label: "visa"},
	{Text: "بكم الفيزا البيلاروسية هسه", Label: "visa"},
	{Text: "الغابة باردة والسياج عالي والجيش البولندي يرجع الناس", Label: "crossing"},
	{Text: "منو عبر الحدود البارحة وين نقطة التجمع", Label: "crossing"},
	{Text: "لوكيشن النقطة بعد السياج نمشي بالليل", Label: "crossing"},
	{Text: "اعلن حرس الحدود القبض على مهربين", Label: "other"},
	{Text: "الجو حلو اليوم في بغداد", Label: "other"},
	{Text: "مبروك للمنتخب الفوز", Label: "other"},
	{Text: "سيارة للبيع موديل 2015 نظيفة", Label: "other"},
}

// toySettings are the default features over a small hashed space, enough
// for a toy set.
func toySettings() classify.Settings {
	s := classify.DefaultSettings()
	s.Buckets = 1 << 12
	return s
}

// toyModel trains on posts without cross-validation.
func toyModel() *classify.Model {
	tr, err := classify.NewTrainer(classify.Labels(posts), nil, toySettings())
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range posts {
		if err := tr.Add(p.Text, p.Label); err != nil {
			log.Fatal(err)
		}
	}
	m, err := tr.Model()
	if err != nil {
		log.Fatal(err)
	}
	return m
}

// Examples are read from JSON lines, one labelled post each.
func ExampleExample() {
	const jsonl = `{"text": "مهرب ثقة لالمانيا", "label": "smuggling"}
{"text": "الجو حلو اليوم", "label": "other"}`
	var examples []classify.Example
	for line := range strings.Lines(jsonl) {
		var e classify.Example
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			log.Fatal(err)
		}
		examples = append(examples, e)
	}
	fmt.Println(len(examples), examples[0].Label)
	// Output: 2 smuggling
}

func ExampleLabels() {
	fmt.Println(classify.Labels(posts))
	// Output: [crossing other smuggling visa]
}

// Train cross-validates, chooses the thresholds and calibration, and
// trains on everything; the same posts and config give the same bytes.
func ExampleTrain() {
	cfg := classify.DefaultTrainConfig()
	cfg.Settings.Buckets = 1 << 12
	cfg.Folds = 3
	m, cv, err := classify.Train(posts, nil, cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Labels(), len(cv.Thresholds), cv.Report.N)
	// Output: [crossing other smuggling visa] 4 13
}

func ExampleTrainConfig() {
	cfg := classify.TrainConfig{
		Settings:        toySettings(),
		Folds:           0, // no cross-validation: thresholds 0, no calibration
		TargetPrecision: 0.95,
	}
	m, _, err := classify.Train(posts, lexicon.Default(), cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Thresholds(), m.Temperature())
	// Output: [0 0 0 0] 1
}

func ExampleDefaultTrainConfig() {
	cfg := classify.DefaultTrainConfig()
	fmt.Println(cfg.Folds, cfg.Seed, cfg.TargetPrecision)
	// Output: 5 1 0.95
}

// Cross-validation estimates the quality of a feature choice before
// training on everything: here, words alone against the default features.
func ExampleCrossValidate() {
	wordsOnly := classify.Settings{Buckets: 1 << 12, Words: true, Alpha: 0.1, Negative: "other"}
	for _, s := range []classify.Settings{wordsOnly, toySettings()} {
		cv, err := classify.CrossValidate(posts, classify.Labels(posts), nil, s, 3, 1, 0.95)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%.2f\n", cv.Report.MacroF1)
	}
	// Output:
	// 0.56
	// 0.85
}

func ExampleCVResult() {
	cfg := classify.DefaultTrainConfig()
	cfg.Settings.Buckets = 1 << 12
	cfg.Folds = 3
	_, cv, err := classify.Train(posts, nil, cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(cv.Thresholds), len(cv.ThresholdPrecision), len(cv.Bias), cv.Temperature > 0)
	// Output: 4 4 4 true
}

// Evaluate scores a classifier on posts it was not trained on.
func ExampleEvaluate() {
	test := []classify.Example{
		{Text: "مهرب الى المانيا السعر 2500 دولار", Label: "smuggling"},
		{Text: "فيزا بيلاروسيا مع فندق", Label: "visa"},
		{Text: "نقطة التجمع بعد السياج في الغابة", Label: "crossing"},
		{Text: "مبروك الفوز", Label: "other"},
	}
	clf, _ := classify.New(toyModel(), nil)
	rep, err := classify.Evaluate(clf, test)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.N, rep.Accuracy)
	// Output: 4 1
}

func ExampleReport() {
	clf, _ := classify.New(toyModel(), nil)
	rep, _ := classify.Evaluate(clf, posts)
	for _, l := range rep.Labels {
		fmt.Println(l.Label, l.Support, l.Predicted)
	}
	fmt.Println(rep.Confusion)
	// Output:
	// crossing 3 3
	// other 4 4
	// smuggling 3 3
	// visa 3 3
	// [[3 0 0 0] [0 4 0 0] [0 0 3 0] [0 0 0 3]]
}

// Settings choose the features; a model file keeps them.
func ExampleSettings() {
	s := classify.Settings{Buckets: 1 << 12, Words: true, Stems: true, Lexicon: true, LexiconWeight: 2, Alpha: 0.1, Negative: "other"}
	tr, err := classify.NewTrainer(classify.Labels(posts), nil, s)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range posts {
		tr.Add(p.Text, p.Label)
	}
	m, _ := tr.Model()
	fmt.Println(m.Settings() == s)
	// Output: true
}

func ExampleDefaultSettings() {
	s := classify.DefaultSettings()
	fmt.Println(s.Negative, s.Lexicon, s.Signals)
	// Output: other true true
}

func ExampleSettings_String() {
	s := classify.Settings{Buckets: 1024, Words: true, Alpha: 0.5}
	fmt.Println(s)
	// Output: {"buckets":1024,"words":true,"stems":false,"pairs":false,"char_min":0,"char_max":0,"skeletons":false,"lexicon":false,"lexicon_weight":0,"signals":false,"binary":false,"alpha":0.5,"complement":false,"negative":""}
}

// A Trainer is fed post by post, so a corpus need not fit in memory.
func ExampleTrainer() {
	tr, err := classify.NewTrainer([]string{"other", "smuggling"}, nil, toySettings())
	if err != nil {
		log.Fatal(err)
	}
	tr.Add("مهرب ثقة لالمانيا الدفع بعد الوصول", "smuggling")
	tr.Add("الجو حلو اليوم", "other")
	m, _ := tr.Model()
	clf, _ := classify.New(m, nil)
	fmt.Println(clf.Classify("عندي مهرب لالمانيا").Label)
	// Output: smuggling
}

// The default settings name "other" as the label never flagged; a label
// set without it says so.
func ExampleNewTrainer() {
	labels := []string{"smuggling", "visa"}
	_, err := classify.NewTrainer(labels, nil, classify.DefaultSettings())
	fmt.Println(err)
	s := classify.DefaultSettings()
	s.Negative = "" // every label can be flagged
	_, err = classify.NewTrainer(labels, nil, s)
	fmt.Println(err)
	// Output:
	// classify: negative label "other" is not one of the labels ["smuggling" "visa"]
	// <nil>
}

func ExampleTrainer_Add() {
	tr, _ := classify.NewTrainer([]string{"other", "smuggling"}, nil, toySettings())
	fmt.Println(tr.Add("مهرب لالمانيا", "smuggling"))
	fmt.Println(tr.Add("فيزا روسيا", "visa"))
	// Output:
	// <nil>
	// classify: unknown label "visa" (labels: ["other" "smuggling"])
}

// Trainers on two machines, merged, give the model of one Trainer fed
// everything.
func ExampleTrainer_Merge() {
	a, _ := classify.NewTrainer(classify.Labels(posts), nil, toySettings())
	b, _ := classify.NewTrainer(classify.Labels(posts), nil, toySettings())
	for i, p := range posts {
		t := a
		if i%2 == 1 {
			t = b
		}
		t.Add(p.Text, p.Label)
	}
	if err := a.Merge(b); err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.NumDocs())
	// Output: [3 4 3 3]
}

func ExampleTrainer_NumDocs() {
	tr, _ := classify.NewTrainer([]string{"other", "smuggling"}, nil, toySettings())
	tr.Add("مهرب لالمانيا", "smuggling")
	tr.Add("طريق مضمون", "smuggling")
	tr.Add("مبروك الفوز", "other")
	fmt.Println(tr.NumDocs())
	// Output: [1 2]
}

func ExampleTrainer_Model() {
	tr, _ := classify.NewTrainer(classify.Labels(posts), nil, toySettings())
	for _, p := range posts {
		tr.Add(p.Text, p.Label)
	}
	m, err := tr.Model()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.NumDocs(), m.Thresholds())
	// Output: [3 4 3 3] [0 0 0 0]
}
