package classify

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/ghurbal/ghurbal/lexicon"
)

// The default model is trained on corpus/posts.jsonl with
// DefaultTrainConfig by `go generate ./classify`; TestDefaultModelIsFresh
// fails when the embedded file differs from what that command builds.
//
//go:generate go run ../examples/train -in ../corpus/posts.jsonl -out default.nb -quiet

//go:embed default.nb
var defaultModel []byte

var defaultClassifier = sync.OnceValue(func() *Classifier {
	m, err := ReadModel(bytes.NewReader(defaultModel))
	if err != nil {
		// The embedded model is checked by the package's tests; reaching
		// this means the binary was built from a broken tree.
		panic("classify: embedded model: " + err.Error())
	}
	c, err := New(m, lexicon.Default())
	if err != nil {
		panic("classify: embedded model: " + err.Error())
	}
	return c
})

// Default returns the classifier of the embedded model and lexicon, loaded
// on first use. It labels posts smuggling, visa, crossing or other.
func Default() *Classifier { return defaultClassifier() }

// DefaultModelBytes returns the embedded model file.
func DefaultModelBytes() []byte { return bytes.Clone(defaultModel) }
