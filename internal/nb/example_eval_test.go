package nb_test

import (
	"fmt"

	"github.com/ghurbal/ghurbal/internal/nb"
)

// predictions are four posts' true and predicted labels and the
// probability each prediction was made with.
var (
	evalLabels = []string{"smuggling", "visa", "other"}
	evalTruth  = []int{0, 0, 1, 2}
	evalPred   = []int{0, 1, 1, 2}
	evalProb   = []float64{0.95, 0.55, 0.91, 0.99}
)

func ExampleReport() {
	r := nb.Evaluate(evalLabels, evalTruth, evalPred, evalProb)
	fmt.Printf("macro-F1 %.3f accuracy %.2f n %d ECE %.3f\n", r.MacroF1, r.Accuracy, r.N, r.ECE)
	fmt.Println(r.Confusion)
	// Output:
	// macro-F1 0.778 accuracy 0.75 n 4 ECE 0.175
	// [[1 1 0] [0 1 0] [0 0 1]]
}

func ExampleLabelStats() {
	r := nb.Evaluate(evalLabels, evalTruth, evalPred, nil)
	for _, s := range r.Labels {
		fmt.Printf("%-9s P %.2f R %.2f F1 %.2f support %d predicted %d\n", s.Label, s.Precision, s.Recall, s.F1, s.Support, s.Predicted)
	}
	// Output:
	// smuggling P 1.00 R 0.50 F1 0.67 support 2 predicted 1
	// visa      P 0.50 R 1.00 F1 0.67 support 1 predicted 2
	// other     P 1.00 R 1.00 F1 1.00 support 1 predicted 1
}

// Calibration compares how sure the model was with how often it was right.
func ExampleCalibrationBin() {
	r := nb.Evaluate(evalLabels, evalTruth, evalPred, evalProb)
	for _, b := range r.Calibration {
		if b.Count > 0 {
			fmt.Printf("[%.1f,%.1f) %d mean %.2f right %.2f\n", b.Lo, b.Hi, b.Count, b.MeanProb, b.Observed)
		}
	}
	// Output:
	// [0.5,0.6) 1 mean 0.55 right 0.00
	// [0.9,1.0) 3 mean 0.95 right 1.00
}

func ExampleReport_String() {
	fmt.Print(nb.Evaluate(evalLabels, evalTruth, evalPred, evalProb))
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
	//
	//   top probability   count  mean p  observed
	//   [0.0,0.1)             0       -         -
	//   [0.1,0.2)             0       -         -
	//   [0.2,0.3)             0       -         -
	//   [0.3,0.4)             0       -         -
	//   [0.4,0.5)             0       -         -
	//   [0.5,0.6)             1   0.550     0.000
	//   [0.6,0.7)             0       -         -
	//   [0.7,0.8)             0       -         -
	//   [0.8,0.9)             0       -         -
	//   [0.9,1.0]             3   0.950     1.000
	//   ECE 0.175 (expected calibration error)
}

func ExampleKFold() {
	for i, test := range nb.KFold(7, 3, 1) {
		fmt.Println("fold", i, test)
	}
	// Output:
	// fold 0 [2 3 5]
	// fold 1 [0 6]
	// fold 2 [1 4]
}

// ChooseThreshold will not trust a precision measured on fewer than
// ThresholdMinSupport flagged posts.
func ExampleChooseThreshold_minSupport() {
	probs := []float64{0.99, 0.97, 0.95, 0.60}
	truly := []bool{true, true, true, false}
	th, p, r := nb.ChooseThreshold(probs, truly, 0.9)
	fmt.Println(len(probs) < nb.ThresholdMinSupport, th > 0.99, p, r)
	// Output: true true 0 0
}
