package nb

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var sentinels = []error{ErrBadMagic, ErrVersion, ErrChecksum, ErrTooLarge, ErrCorrupt}

func isSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// smallModel is a model with every kind of field set, small enough to
// damage at every byte.
func smallModel(t testing.TB) *Model {
	tr, err := NewTrainer([]string{"تهريب", "visa", "other"}, 1<<10, Binary())
	require.NoError(t, err)
	require.NoError(t, tr.Add(0, []uint32{1, 500, 1023}))
	require.NoError(t, tr.Add(1, []uint32{1, 2}))
	require.NoError(t, tr.Add(2, []uint32{3, 300, 1000}))
	require.NoError(t, tr.Add(2, []uint32{1000, 1}))
	m, err := tr.Model(ModelOptions{Alpha: 0.25, Complement: true, Thresholds: []float64{0.9, 0.8, 0},
		Meta: map[string]string{"normalizer": "v3", "lexicon": "sha256:ab"}})
	require.NoError(t, err)
	return m
}

func TestRoundTrip(t *testing.T) {
	big := build(t, train(t, corpus(1500, 1<<18, 12), 1<<18), ModelOptions{Thresholds: []float64{0.9, 0.5, 0.5, 0}})
	for name, m := range map[string]*Model{"small": smallModel(t), "corpus": big} {
		t.Run(name, func(t *testing.T) {
			data := encode(t, m)
			got, err := ReadModel(bytes.NewReader(data))
			require.NoError(t, err)
			assert.Equal(t, data, encode(t, got), "written again, byte for byte")
			assert.Equal(t, m.Labels(), got.Labels())
			assert.Equal(t, m.NumBuckets(), got.NumBuckets())
			assert.Equal(t, m.Alpha(), got.Alpha())
			assert.Equal(t, m.Complement(), got.Complement())
			assert.Equal(t, m.Binary(), got.Binary())
			assert.Equal(t, m.Thresholds(), got.Thresholds())
			assert.Equal(t, m.Meta(), got.Meta())
			assert.Equal(t, m.NumDocs(), got.NumDocs())
			assert.Equal(t, m.logLik, got.logLik, "identical tables, so identical scores")
			for _, d := range corpus(100, m.NumBuckets(), 13) {
				assert.Equal(t, m.LogScores(d.feats, nil), got.LogScores(d.feats, nil))
			}
		})
	}
}

func TestReadConsumesExactlyOneModel(t *testing.T) {
	a, b := smallModel(t), build(t, train(t, corpus(50, 1024, 1), 1024), ModelOptions{})
	stream := bytes.NewReader(append(encode(t, a), encode(t, b)...))
	ga, err := ReadModel(stream)
	require.NoError(t, err)
	gb, err := ReadModel(stream)
	require.NoError(t, err)
	assert.Equal(t, a.Labels(), ga.Labels())
	assert.Equal(t, b.Labels(), gb.Labels())
	assert.Zero(t, stream.Len())
}

// About 3,000 posts with about 200k distinct features must make a file
// of a few MB at most.
func TestFileSize(t *testing.T) {
	const buckets = 1 << 20
	tr, err := NewTrainer(testLabels, buckets)
	require.NoError(t, err)
	rng := splitMix64{14}
	for i := range 3000 {
		feats := make([]uint32, 120)
		for j := range feats {
			feats[j] = uint32(rng.below(buckets))
		}
		require.NoError(t, tr.Add(i%len(testLabels), feats))
	}
	m := build(t, tr, ModelOptions{})
	size := len(encode(t, m))
	t.Logf("%d posts, %d distinct features: %d bytes (%.2f bytes/feature)", 3000, m.VocabSize(), size, float64(size)/float64(m.VocabSize()))
	assert.Greater(t, m.VocabSize(), 190_000)
	assert.Less(t, size, 1<<20)
}

func TestTruncatedAtEveryByte(t *testing.T) {
	data := encode(t, smallModel(t))
	for n := range len(data) {
		_, err := ReadModel(bytes.NewReader(data[:n]))
		require.Error(t, err, "cut at %d of %d", n, len(data))
		require.True(t, errors.Is(err, ErrCorrupt), "cut at %d: %v", n, err)
	}
}

func TestEveryBitFlipIsRefused(t *testing.T) {
	data := encode(t, smallModel(t))
	kinds := map[error]int{}
	for i := range len(data) * 8 {
		bad := bytes.Clone(data)
		bad[i/8] ^= 1 << (i % 8)
		_, err := ReadModel(bytes.NewReader(bad))
		require.Error(t, err, "bit %d", i)
		require.True(t, isSentinel(err), "bit %d: %v", i, err)
		for _, s := range sentinels {
			if errors.Is(err, s) {
				kinds[s]++
			}
		}
	}
	t.Logf("%d bits flipped in a %d-byte file: %v", len(data)*8, len(data), kinds)
}

// file assembles a model file around the given header JSON and body, with
// a correct checksum, so only the declared contents are hostile.
func file(version uint16, hdr string, body []byte) []byte {
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint16(b, version)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(hdr)))
	b = append(b, hdr...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(body)))
	b = append(b, body...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// prefix is the start of a version-1 file declaring a header of hlen bytes.
func prefix(hlen uint32) []byte {
	return binary.LittleEndian.AppendUint32(append([]byte(magic), 1, 0), hlen)
}

func TestHostileFiles(t *testing.T) {
	const ok = `{"labels":["a","b"],"buckets":8,"alpha":0.1,"complement":false,"binary":false,"docs":[1,1],"thresholds":[0,0],"entries":1}`
	good := file(1, ok, []byte{3, 1, 5})
	_, err := ReadModel(bytes.NewReader(good))
	require.NoError(t, err, "the baseline is valid")
	hdr := func(from, to string) string { return strings.Replace(ok, from, to, 1) }
	tests := []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"empty", nil, ErrCorrupt, "truncated"},
		{"not a model", []byte("{\"labels\": []}"), ErrBadMagic, "bad magic"},
		{"short non-model", []byte("GX"), ErrBadMagic, ""},
		{"version 2", file(2, ok, []byte{3, 1, 5}), ErrVersion, "version 2"},
		{"version 0", file(0, ok, []byte{3, 1, 5}), ErrVersion, ""},
		{"header 4 GiB", prefix(1<<32 - 1), ErrTooLarge, "header declares"},
		{"header 1 MiB, 90 bytes there", append(prefix(1<<20), make([]byte, 90)...), ErrCorrupt, "truncated"},
		{"body 4 GiB", binary.LittleEndian.AppendUint32(append(prefix(2), "{}"...), 1<<32-1), ErrTooLarge, "file declares"},
		{"body 200 MiB, 80 bytes there", append(binary.LittleEndian.AppendUint32(append(prefix(2), "{}"...), 200<<20), make([]byte, 80)...), ErrCorrupt, "truncated"},
		{"checksum", append(good[:len(good)-1:len(good)-1], good[len(good)-1]^1), ErrChecksum, "checksum"},
		{"65 labels", file(1, hdr(`["a","b"]`, `["`+strings.Repeat(`x","`, 64)+`y"]`), nil), ErrTooLarge, "65 labels"},
		{"huge buckets", file(1, hdr(`"buckets":8`, `"buckets":4294967295`), nil), ErrTooLarge, "buckets"},
		{"too many cells", file(1, hdr(`"buckets":8`, `"buckets":`+"33554432"), nil), ErrTooLarge, "cells"},
		{"entries > buckets", file(1, hdr(`"entries":1`, `"entries":4000000000`), nil), ErrTooLarge, "entries"},
		{"not JSON", file(1, "nope", nil), ErrCorrupt, "header"},
		{"unknown field", file(1, hdr(`"entries"`, `"extra":1,"entries"`), []byte{3, 1, 5}), ErrCorrupt, "unknown field"},
		{"two objects", file(1, ok+"{}", []byte{3, 1, 5}), ErrCorrupt, "after the header"},
		{"negative count", file(1, hdr(`[1,1]`, `[-1,1]`), []byte{3, 1, 5}), ErrCorrupt, ""},
		{"no labels", file(1, hdr(`["a","b"]`, `[]`), nil), ErrCorrupt, "no labels"},
		{"duplicate labels", file(1, hdr(`["a","b"]`, `["a","a"]`), []byte{3, 1, 5}), ErrCorrupt, "duplicate"},
		{"docs length", file(1, hdr(`[1,1]`, `[1]`), []byte{3, 1, 5}), ErrCorrupt, "1 document counts"},
		{"thresholds length", file(1, hdr(`[0,0]`, `null`), []byte{3, 1, 5}), ErrCorrupt, "0 thresholds"},
		{"alpha 0", file(1, hdr(`0.1`, `0`), []byte{3, 1, 5}), ErrCorrupt, "alpha"},
		{"no documents", file(1, hdr(`[1,1]`, `[0,0]`), []byte{3, 1, 5}), ErrCorrupt, "no training documents"},
		{"document overflow", file(1, hdr(`[1,1]`, `[18446744073709551615,1]`), []byte{3, 1, 5}), ErrCorrupt, "overflow"},
		{"body short", file(1, ok, []byte{3, 1}), ErrCorrupt, "bad count"},
		{"body missing", file(1, ok, nil), ErrCorrupt, "entry 0 truncated"},
		{"bucket out of range", file(1, ok, []byte{8, 1, 5}), ErrCorrupt, "out of range"},
		{"gap out of range", file(1, hdr(`"entries":1`, `"entries":2`), []byte{3, 1, 5, 4, 1, 5}), ErrCorrupt, "out of range"},
		{"mask 0", file(1, ok, []byte{3, 0}), ErrCorrupt, "mask"},
		{"mask beyond labels", file(1, ok, []byte{3, 4, 5}), ErrCorrupt, "mask"},
		{"zero count", file(1, ok, []byte{3, 1, 0}), ErrCorrupt, "bad count"},
		{"overlong varint", file(1, ok, append([]byte{3, 1}, bytes.Repeat([]byte{0xff}, 11)...)), ErrCorrupt, "bad count"},
		{"trailing body bytes", file(1, ok, []byte{3, 1, 5, 0}), ErrCorrupt, "1 bytes after"},
		{"count overflow", file(1, hdr(`"entries":1`, `"entries":2`),
			append(binary.AppendUvarint([]byte{3, 1}, 1<<63), binary.AppendUvarint([]byte{0, 1}, 1<<63)...)), ErrCorrupt, "overflow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadModel(bytes.NewReader(tt.data))
			require.Error(t, err)
			assert.Nil(t, m)
			assert.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.msg)
			t.Logf("%v", err)
		})
	}
}

// A 100-byte file declaring huge sizes must cost far less than it claims.
func TestHostileFilesAllocateLittle(t *testing.T) {
	const limit = 1 << 20
	hostile := map[string][]byte{
		"header 1 MiB declared": append(prefix(1<<20), make([]byte, 90)...),
		"body 200 MiB declared": append(binary.LittleEndian.AppendUint32(append(prefix(2), "{}"...), 200<<20), make([]byte, 80)...),
		"16M entries declared":  file(1, `{"labels":["a","b","c","d"],"buckets":16777216,"alpha":0.1,"complement":false,"binary":false,"docs":[1,1,1,1],"thresholds":[0,0,0,0],"entries":16777216}`, []byte{1, 1, 1}),
	}
	for name, data := range hostile {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := ReadModel(bytes.NewReader(data))
			runtime.ReadMemStats(&after)
			require.Error(t, err)
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d-byte file: %v; allocated %d bytes", len(data), err, allocated)
			assert.Less(t, allocated, uint64(limit))
		})
	}
}

type failingReader struct{ after int }

var errDisk = errors.New("disk on fire")

func (r *failingReader) Read(p []byte) (int, error) {
	if r.after == 0 {
		return 0, errDisk
	}
	n := min(len(p), r.after)
	for i := range n {
		p[i] = magic[i%len(magic)]
	}
	r.after -= n
	return n, nil
}

func TestReadErrorsAreNotCorruption(t *testing.T) {
	for _, after := range []int{0, 2, 4} {
		_, err := ReadModel(&failingReader{after})
		assert.ErrorIs(t, err, errDisk)
		assert.False(t, errors.Is(err, ErrCorrupt))
	}
	_, err := ReadModel(io.MultiReader(bytes.NewReader(encode(t, smallModel(t))[:30]), &failingReader{}))
	assert.ErrorIs(t, err, errDisk)
}

func FuzzReadModel(f *testing.F) {
	data := encode(f, smallModel(f))
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add(encode(f, build(f, train(f, corpus(30, 1024, 15), 1024), ModelOptions{})))
	f.Add(file(1, `{"labels":["a"],"buckets":1,"alpha":1,"complement":false,"binary":false,"docs":[1],"thresholds":[0],"entries":0}`, nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFuzzed(t, data)
		// Mutations almost never keep the checksum right; fix it so the
		// parser behind it is fuzzed too.
		if len(data) >= prefixLen+4 {
			end := prefixLen + 4 + uint64(binary.LittleEndian.Uint32(data[6:]))
			if end <= uint64(len(data)) {
				end += uint64(binary.LittleEndian.Uint32(data[end-4:]))
			}
			if end+4 <= uint64(len(data)) {
				fixed := bytes.Clone(data)
				binary.LittleEndian.PutUint32(fixed[end:], crc32.Checksum(fixed[:end], castagnoli))
				checkFuzzed(t, fixed)
			}
		}
	})
}

func checkFuzzed(t *testing.T, data []byte) {
	m, err := ReadModel(bytes.NewReader(data))
	if err != nil {
		if !isSentinel(err) {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		return
	}
	// Whatever was accepted writes, reads back and writes again identically.
	first := encode(t, m)
	again, err := ReadModel(bytes.NewReader(first))
	if err != nil {
		t.Fatalf("rereading a written model: %v", err)
	}
	if !bytes.Equal(first, encode(t, again)) {
		t.Fatal("not a fixed point")
	}
	scores := m.LogScores([]uint32{0, 1, 2, 1 << 31}, nil)
	for _, p := range m.Probabilities(scores, nil) {
		if p != p {
			t.Fatal("NaN probability")
		}
	}
}
