package nb

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// The model file, format version 1. Integers are little-endian.
//
//	offset   size  field
//	0        4     magic "GHNB"
//	4        2     format version, uint16 (1)
//	6        4     header length H, uint32, ≤ MaxHeaderSize
//	10       H     header, a JSON object:
//	                 {"labels":[…],"buckets":N,"alpha":α,"complement":bool,"binary":bool,
//	                  "docs":[per-label document counts],"thresholds":[…],
//	                  "meta":{…} (omitted when empty),"entries":E}
//	10+H     4     body length B, uint32
//	14+H     B     body: E entries, one per seen bucket, in ascending bucket order:
//	                 uvarint gap    bucket − previous bucket − 1 (the first entry: the bucket)
//	                 uvarint mask   bit l set iff label l's count is > 0 (never 0)
//	                 uvarint count  one per set bit, lowest label first (never 0)
//	14+H+B   4     CRC-32C (Castagnoli) of bytes [0, 14+H+B)
//
// The file holds counts, not log-likelihoods: smoothing is recomputed at
// load, so a saved model can be rebuilt exactly or merged (Model.Trainer).
// Most features occur under one label, so an entry is usually 3–4 bytes: a
// model with 200k distinct features is well under 1 MB. The header is JSON
// so `head -c 2000 model.nb` shows what a file is. Writing is
// deterministic: the same counts and options give the same bytes.
//
// The fixed-size fields let a reader check every declared size against a
// limit before reading anything it declares, and the trailing checksum
// catches truncation and bit rot before any of it is believed.
const (
	FormatVersion = 1
	MaxHeaderSize = 1 << 20   // bytes of header JSON
	MaxFileSize   = 256 << 20 // bytes of a whole model file
	magic         = "GHNB"
	prefixLen     = 10 // magic, version, header length
)

// Errors ReadModel wraps, for errors.Is.
var (
	ErrBadMagic = errors.New("nb: not a naive-Bayes model file (bad magic)")
	ErrVersion  = errors.New("nb: unsupported model file version")
	ErrChecksum = errors.New("nb: model file checksum mismatch")
	ErrTooLarge = errors.New("nb: model file exceeds a size limit")
	ErrCorrupt  = errors.New("nb: corrupt model file")
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

type header struct {
	Labels     []string          `json:"labels"`
	Buckets    uint32            `json:"buckets"`
	Alpha      float64           `json:"alpha"`
	Complement bool              `json:"complement"`
	Binary     bool              `json:"binary"`
	Docs       []uint64          `json:"docs"`
	Thresholds []float64         `json:"thresholds"`
	Meta       map[string]string `json:"meta,omitempty"` // encoding/json sorts keys: deterministic
	Entries    uint32            `json:"entries"`
}

// WriteTo writes m in the model file format (see FormatVersion). It
// implements io.WriterTo; it fails only if w does, or if m is beyond the
// file's limits (ErrTooLarge).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	hdr, err := json.Marshal(header{
		Labels: m.labels, Buckets: m.buckets, Alpha: m.alpha, Complement: m.complement, Binary: m.binary,
		Docs: m.docs, Thresholds: m.thresholds, Meta: m.meta, Entries: uint32(len(m.ids)),
	})
	if err != nil {
		return 0, fmt.Errorf("nb: encoding model header: %w", err)
	}
	if len(hdr) > MaxHeaderSize {
		return 0, fmt.Errorf("%w: header is %d bytes, at most %d (too much metadata?)", ErrTooLarge, len(hdr), MaxHeaderSize)
	}
	b := make([]byte, 0, prefixLen+len(hdr)+8+4*len(m.counts))
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint16(b, FormatVersion)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(hdr)))
	b = append(b, hdr...)
	bodyAt := len(b) + 4
	b = append(b, 0, 0, 0, 0) // body length, patched below
	n, prev := len(m.labels), int64(-1)
	for i, f := range m.ids {
		row := m.counts[i*n : i*n+n]
		var mask uint64
		for l, c := range row {
			if c > 0 {
				mask |= 1 << l
			}
		}
		b = binary.AppendUvarint(b, uint64(int64(f)-prev-1))
		b = binary.AppendUvarint(b, mask)
		for _, c := range row {
			if c > 0 {
				b = binary.AppendUvarint(b, c)
			}
		}
		prev = int64(f)
	}
	if len(b)+4 > MaxFileSize {
		return 0, fmt.Errorf("%w: file would be %d bytes, at most %d", ErrTooLarge, len(b)+4, MaxFileSize)
	}
	binary.LittleEndian.PutUint32(b[bodyAt-4:], uint32(len(b)-bodyAt))
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
	k, err := w.Write(b)
	return int64(k), err
}

// ReadModel reads one model written by WriteTo, consuming exactly its
// bytes. A file that is not a model, of another format version, truncated,
// damaged or beyond the limits is refused with an error wrapping
// ErrBadMagic, ErrVersion, ErrCorrupt, ErrChecksum or ErrTooLarge; other
// read errors are returned wrapped. It never panics, and never allocates
// on the word of the file: sizes are checked against limits first and
// buffers grow only as bytes arrive.
func ReadModel(r io.Reader) (*Model, error) {
	var pre [prefixLen]byte
	got, err := io.ReadFull(r, pre[:])
	if k := min(got, len(magic)); string(pre[:k]) != magic[:k] {
		return nil, fmt.Errorf("%w: starts with %+q", ErrBadMagic, pre[:k])
	}
	if err != nil {
		return nil, readErr("prefix", err)
	}
	if v := binary.LittleEndian.Uint16(pre[4:]); v != FormatVersion {
		return nil, fmt.Errorf("%w: file is version %d, this reader knows version %d", ErrVersion, v, FormatVersion)
	}
	hlen := binary.LittleEndian.Uint32(pre[6:])
	if hlen > MaxHeaderSize {
		return nil, fmt.Errorf("%w: header declares %d bytes, at most %d", ErrTooLarge, hlen, MaxHeaderSize)
	}
	crc := crc32.New(castagnoli)
	crc.Write(pre[:])
	hdr, err := readN(r, int64(hlen)+4, crc) // the header and the body length
	if err != nil {
		return nil, readErr("header", err)
	}
	blen := binary.LittleEndian.Uint32(hdr[hlen:])
	if size := uint64(prefixLen) + uint64(hlen) + 4 + uint64(blen) + 4; size > MaxFileSize {
		return nil, fmt.Errorf("%w: file declares %d bytes, at most %d", ErrTooLarge, size, MaxFileSize)
	}
	body, err := readN(r, int64(blen), crc)
	if err != nil {
		return nil, readErr("body", err)
	}
	var sum [4]byte
	if _, err := io.ReadFull(r, sum[:]); err != nil {
		return nil, readErr("checksum", err)
	}
	if want, got := binary.LittleEndian.Uint32(sum[:]), crc.Sum32(); got != want {
		return nil, fmt.Errorf("%w: computed %08x, file says %08x", ErrChecksum, got, want)
	}
	return parse(hdr[:hlen], body)
}

// readN reads n bytes into a buffer that grows as they arrive, so a
// declared length costs nothing until the data is there, and hashes them.
func readN(r io.Reader, n int64, h io.Writer) ([]byte, error) {
	var buf bytes.Buffer
	k, err := io.CopyN(&buf, r, n)
	if k < n && err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	h.Write(buf.Bytes())
	return buf.Bytes(), err
}

func readErr(part string, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("%w: truncated in the %s", ErrCorrupt, part)
	}
	return fmt.Errorf("nb: reading model %s: %w", part, err)
}

// parse decodes a checksummed header and body.
func parse(hdr, body []byte) (*Model, error) {
	var h header
	dec := json.NewDecoder(bytes.NewReader(hdr))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrCorrupt, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the header object", ErrCorrupt)
	}
	n := len(h.Labels)
	switch {
	case n > MaxLabels:
		return nil, fmt.Errorf("%w: %d labels, at most %d", ErrTooLarge, n, MaxLabels)
	case h.Buckets > MaxBuckets || uint64(h.Buckets)*uint64(n) > MaxCells:
		return nil, fmt.Errorf("%w: %d buckets × %d labels, at most %d buckets and %d cells", ErrTooLarge, h.Buckets, n, MaxBuckets, MaxCells)
	case h.Entries > h.Buckets:
		return nil, fmt.Errorf("%w: %d entries for %d buckets", ErrTooLarge, h.Entries, h.Buckets)
	}
	if err := checkShape(h.Labels, h.Buckets); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	switch {
	case len(h.Docs) != n || len(h.Thresholds) != n:
		return nil, fmt.Errorf("%w: %d labels, %d document counts, %d thresholds", ErrCorrupt, n, len(h.Docs), len(h.Thresholds))
	case !(h.Alpha > 0): // 0 would silently become DefaultAlpha
		return nil, fmt.Errorf("%w: alpha %v", ErrCorrupt, h.Alpha)
	}

	// An entry takes at least 3 bytes, so the body bounds the allocation
	// whatever the header claims.
	ids := make([]uint32, 0, min(int(h.Entries), len(body)/3))
	counts := make([]uint64, 0, cap(ids)*n)
	prev := int64(-1)
	for range h.Entries {
		gap, ok1 := uvarint(&body)
		mask, ok2 := uvarint(&body)
		switch {
		case !ok1 || !ok2:
			return nil, fmt.Errorf("%w: entry %d truncated", ErrCorrupt, len(ids))
		case gap >= uint64(h.Buckets) || prev+1+int64(gap) >= int64(h.Buckets):
			return nil, fmt.Errorf("%w: entry %d: bucket out of range [0,%d)", ErrCorrupt, len(ids), h.Buckets)
		case mask == 0 || mask>>n != 0:
			return nil, fmt.Errorf("%w: entry %d: label mask %#x for %d labels", ErrCorrupt, len(ids), mask, n)
		}
		for l := range n {
			var c uint64
			if mask&(1<<l) != 0 {
				var ok bool
				if c, ok = uvarint(&body); !ok || c == 0 {
					return nil, fmt.Errorf("%w: entry %d: bad count for label %q", ErrCorrupt, len(ids), h.Labels[l])
				}
			}
			counts = append(counts, c)
		}
		prev += 1 + int64(gap)
		ids = append(ids, uint32(prev))
	}
	if len(body) != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the last entry", ErrCorrupt, len(body))
	}
	s := shape{labels: h.Labels, buckets: h.Buckets, binary: h.Binary, docs: h.Docs}
	m, err := newModel(s, ids, counts, ModelOptions{Alpha: h.Alpha, Complement: h.Complement, Thresholds: h.Thresholds, Meta: h.Meta})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return m, nil
}

// uvarint decodes one uvarint from the front of *b and advances it.
func uvarint(b *[]byte) (uint64, bool) {
	v, k := binary.Uvarint(*b)
	if k <= 0 {
		return 0, false
	}
	*b = (*b)[k:]
	return v, true
}
