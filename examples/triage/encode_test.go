package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/extract"
	"github.com/ghurbal/ghurbal/lexicon"
	"github.com/stretchr/testify/require"
)

// marshalLine is the definition of an output line: json.Marshal of the
// contract's object.
func marshalLine(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b) + "\n"
}

// encoderTexts are posts with every kind of signal and of string to escape.
func encoderTexts(t *testing.T) []string {
	texts := []string{
		"عدنا طريق مضمون لالمانيا واتساب +375290001234 السعر 3500$ م ه ر ب fiza",
		"t.me/abu_x?a=1&b=<2> @abu_x viber://chat?number=%2B375290001234 تلكرام: @smuggler_1",
		"موقعي 33.3152, 44.3661 https://maps.google.com/?q=33.3,44.36 📍 google.com/maps/@53.9,27.56,15z",
		"سعر 0.0000001 دولار و 1000000000000000000000 يورو و 2.5 مليون دولار 00963944123456",
		"<b>&amp;</b> \u2028 \u2029 \x01\x1f\x7f \"quoted\" back\\slash\ttab",
		"", "🔥🔥", "#مهرب_ثقة ڤيزا پولندا",
	}
	f, err := os.Open("sample.jsonl")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var obj struct{ Text string }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &obj))
		texts = append(texts, obj.Text)
	}
	return texts
}

func TestEncoderMatchesJSONMarshal(t *testing.T) {
	clf := classify.Default()
	var e encoder
	ids := []json.RawMessage{nil, json.RawMessage(`"s01"`), json.RawMessage(`7`), json.RawMessage(`-1.5e-7`),
		json.RawMessage(`null`), json.RawMessage(`"<>&\u2028"`), json.RawMessage(`{"a" : [1, 2]}`), json.RawMessage(`"a\"b"`)}
	for i, text := range encoderTexts(t) {
		for _, explain := range []bool{false, true} {
			var r classify.Result
			if explain {
				clf.ExplainInto(&r, text)
			} else {
				clf.ClassifyInto(&r, text)
			}
			o := &outcome{id: ids[i%len(ids)], text: text, result: r}
			got, ok := e.appendResult(nil, i+1, o, explain)
			require.True(t, ok, text)
			require.Equal(t, marshalLine(t, toOutResult(i+1, o, explain)), string(got), text)
		}
	}
	// Values classification does not produce: empty and odd signals.
	r := classify.Result{Label: "x<y>", Scores: map[string]float64{"b": 1e-7, "a": 0, "c": 1e21, "é\u2028": -2.5},
		Hits:    []lexicon.Hit{{Category: "a&b", Term: "\xff", Start: 1, End: 2}},
		Signals: extract.Signals{Prices: []extract.Price{{Amount: 123456789012345680000}, {Amount: -0.000001}}, Locations: []extract.Location{{Lat: -90, Lon: 1e-300}}},
		Explain: []classify.Contribution{{Feature: "c:^مه", Label: "l", Weight: 1.0 / 3}}}
	for _, explain := range []bool{false, true} {
		o := &outcome{result: r}
		got, ok := e.appendResult(nil, 9, o, explain)
		require.True(t, ok)
		require.Equal(t, marshalLine(t, toOutResult(9, o, explain)), string(got))
	}
	// A score json.Marshal refuses is left to json.Marshal.
	o := &outcome{result: classify.Result{Scores: map[string]float64{"a": math.NaN()}}}
	_, ok := e.appendResult(nil, 1, o, false)
	require.False(t, ok)
	for _, id := range ids {
		got, ok := appendError(nil, 3, id, "not a JSON object: <bad> \"x\"", codeBadJSON)
		require.True(t, ok)
		require.Equal(t, marshalLine(t, outError{Line: 3, ID: id, Error: "not a JSON object: <bad> \"x\"", Code: codeBadJSON}), string(got))
	}
}

func TestAppendStringAndFloatMatchJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "é", "م", "\u2028", "\u2029", "<", ">", "&", "\"", "\\", "\x00", "\x1f", "\x7f", "\n", "\t", "\b", "\f", "\r", "\xff", "\xe2\x80", "🔥", " "}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		want, _ := json.Marshal(b.String())
		require.Equal(t, string(want), string(appendString(nil, b.String())), "%+q", b.String())
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 9.99999e-7, 1e-7, 1e20, 1e21, 1e-300, math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789.125, 1.0 / 3}
	for range 5000 {
		floats = append(floats, math.Float64frombits(rng.Uint64()))
	}
	for _, f := range floats {
		want, err := json.Marshal(f)
		got, ok := appendFloat(nil, f)
		require.Equal(t, err == nil, ok, "%v", f)
		if ok {
			require.Equal(t, string(want), string(got), "%v", f)
		}
	}
}

// decoderLines are object lines of every shape, good and bad.
func decoderLines() []string {
	lines := []string{
		`{"text":"a"}`, `{"id":"s1","text":"مهرب"}`, ` {"text" : "x" , "id" : 7 } `, `{"text":"x"}` + "\r\r",
		`{"text":"a","text":"b"}`, `{"text":"a","text":1}`, `{"text":1,"text":"b"}`, `{"text":null}`, `{"text":true}`,
		`{"text":{"a":1}}`, `{"text":["x"]}`, `{}`, `{ }`, `[]`, `{"id":1}`, `{"text":"x"} trailing`, `{"text":"x"}{"text":"y"}`,
		`{"text":"x",}`, `{"text" "x"}`, `{"text":"x" "id":1}`, `{"text":"x","id":01}`, `{"text":"x","id":1.}`, `{"text":"x","id":-}`,
		`{"text":"x","id":1e}`, `{"text":"x","id":.5}`, `{"text":"x","id":-0.5e+3}`, `{"text":"x","id":1E-2}`, "{\"text\":\"tab\there\"}",
		`{"text":"bad \x escape"}`, `{"text":"bad \u12 escape"}`, `{"te\u0078t":"escaped key"}`, `{"text":"x","id":tru}`,
		`{"text":"x","id":nulll}`, `{"text":"x","id":null}`, `{"text":"x","id":false}`, `{"text":"x","nested":{"a":[1]},"id":"n"}`,
		`{"text":"esc \" \\ \/ \b \f \n \r \t \u0645 \u00e9"}`, `{"text":"pair \ud83d\ude00 lone \ud800 x \udc00 \ud800\u0041 \ud800\\"}`,
		`{"text":"\u2028<>&"}`, `{"text":""}`, `{"text":"   "}`, `{"text":"x","id":"a\"b"}`, `{`, `{"text":`, `{"text":"unterminated`,
		`{"text":"x"`, `{"text":"x",`, `{"text":"x","id"}`, `{"text":"x","id":}`, `{"a":"b"}`, `{"text":"\u0000"}`,
	}
	// Mutations: every prefix, and single bytes replaced.
	base := `{"id": -12.5e3, "text": "م\"ه\u0041", "x": true, "y": null}`
	for i := range len(base) {
		lines = append(lines, base[:i])
		for _, c := range []byte{'"', '\\', '{', '}', ',', ':', ' ', 'u', '0'} {
			lines = append(lines, base[:i]+string(c)+base[i+1:])
		}
	}
	return lines
}

// TestFastDecoderAgrees checks that whenever decodeObjectFast accepts a
// line, decodeObject decodes it to the same text and id without error.
func TestFastDecoderAgrees(t *testing.T) {
	accepted := 0
	for _, line := range decoderLines() {
		checkFastDecoder(t, []byte(line))
		if _, _, _, ok := decodeObjectFast([]byte(line), nil); ok {
			accepted++
		}
	}
	require.Greater(t, accepted, 40)
}

func checkFastDecoder(t *testing.T, line []byte) {
	t.Helper()
	if !utf8.Valid(line) {
		return // the pipeline never decodes such a line
	}
	text, id, _, ok := decodeObjectFast(line, nil)
	if !ok {
		return
	}
	wantText, wantID, code, msg := decodeObject(line)
	require.Empty(t, code, "%s: fast decoder accepted what decodeObject refuses: %s", line, msg)
	require.Equal(t, wantText, text, "%s", line)
	require.Equal(t, string(wantID), string(id), "%s", line)
}

func FuzzFastDecoder(f *testing.F) {
	for _, line := range decoderLines() {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, line []byte) { checkFastDecoder(t, line) })
}

func TestUnescapeMatchesJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u0041`, `\u00e9`, `\u0645`, `\ud83d`, `\ude00`, `\uD83D\uDE00`, `\u2028`, `\u0000`, `\uFFFF`, "a", "م", "🔥", " "}
	for range 5000 {
		var b strings.Builder
		b.WriteByte('"')
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b.WriteByte('"')
		raw := []byte(b.String())
		var want string
		require.NoError(t, json.Unmarshal(raw, &want))
		end, _ := scanJSONString(raw, 0)
		require.Equal(t, len(raw), end, "%s", raw)
		require.Equal(t, want, string(unescape(nil, raw[1:len(raw)-1])), "%s", raw)
	}
}

// TestSequentialMatchesWorkers checks that the one-worker path, which
// reuses its buffers from line to line, writes what the worker pool does.
func TestSequentialMatchesWorkers(t *testing.T) {
	var in bytes.Buffer
	for i, text := range encoderTexts(t) {
		line, _ := json.Marshal(map[string]any{"id": i, "text": text})
		in.Write(line)
		in.WriteString("\n" + text + "\n\xff\n\n")
	}
	for _, line := range decoderLines() {
		in.WriteString(line + "\n")
	}
	for _, explain := range []string{"-explain=false", "-explain=true"} {
		var one, many bytes.Buffer
		require.Equal(t, 0, run([]string{explain, "-workers", "1"}, bytes.NewReader(in.Bytes()), &one, &bytes.Buffer{}))
		require.Equal(t, 0, run([]string{explain, "-workers", "3"}, bytes.NewReader(in.Bytes()), &many, &bytes.Buffer{}))
		require.Equal(t, many.String(), one.String())
	}
}
