package classify

import (
	"bytes"
	"testing"

	"github.com/ghurbal/ghurbal/lexicon"
	"github.com/stretchr/testify/require"
)

// TrainConfig.Progress is told each fold and the final model, in order,
// and watching does not change the model.
func TestTrainProgress(t *testing.T) {
	for _, folds := range []int{0, 3} {
		cfg := DefaultTrainConfig()
		cfg.Folds = folds
		plain, _, err := Train(tiny, lexicon.Default(), cfg)
		require.NoError(t, err)

		var calls [][2]int
		cfg.Progress = func(done, total int) { calls = append(calls, [2]int{done, total}) }
		watched, _, err := Train(tiny, lexicon.Default(), cfg)
		require.NoError(t, err)
		want := [][2]int{{1, 1}}
		if folds == 3 {
			want = [][2]int{{1, 4}, {2, 4}, {3, 4}, {4, 4}}
		}
		require.Equal(t, want, calls, "folds %d", folds)

		var a, b bytes.Buffer
		_, err = plain.WriteTo(&a)
		require.NoError(t, err)
		_, err = watched.WriteTo(&b)
		require.NoError(t, err)
		require.Equal(t, a.Bytes(), b.Bytes(), "folds %d", folds)
	}
}
