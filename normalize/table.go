package normalize

// The one table of equivalence classes. Every folding the normalizer does to a
// single rune is written here and nowhere else: a class names its group (the
// option that switches it off), its representative and its members. A rune is
// a member of at most one class, and no representative is a member of any
// class, so folding is a projection: applying it twice changes nothing
// (TestTableIsProjection checks both properties over every rune).
//
// rep == drop means the members are removed; rep == ' ' or '\n' means they
// become that separator.

// group is a set of foldings that one option switches off.
type group uint16

const (
	groupSpace       group = 1 << iota // controls and Unicode spaces become ASCII space (always on)
	groupInvisible                     // zero-width, bidi-control, BOM, soft hyphen, variation selectors
	groupDiacritics                    // tashkeel, dagger alef, Quranic and honorific marks
	groupTatweel                       // U+0640 ARABIC TATWEEL
	groupHamza                         // alef with hamza or madda, ؤ ئ, combining hamza and madda
	groupAlef                          // alef wasla and other alef variants without hamza
	groupAlefMaksura                   // ى to ي
	groupTehMarbuta                    // ة to ه
	groupPersian                       // Persian, Kurdish, Urdu and Maghrebi letters
	groupDigits                        // Arabic-Indic, Extended Arabic-Indic and fullwidth digits
	groupPunct                         // Arabic punctuation to its ASCII counterpart
	groupWidth                         // fullwidth ASCII letters and symbols
)

// drop is the representative of classes whose members are removed.
const drop rune = -1

type class struct {
	group   group
	rep     rune
	members []rune
	why     string
}

// span returns the runes lo..hi inclusive.
func span(lo, hi rune) []rune {
	rs := make([]rune, 0, hi-lo+1)
	for r := lo; r <= hi; r++ {
		rs = append(rs, r)
	}
	return rs
}

func join(parts ...[]rune) []rune {
	var rs []rune
	for _, p := range parts {
		rs = append(rs, p...)
	}
	return rs
}

// classes is the table. Its order does not matter; its content is documented
// in the package comment.
var classes = []class{
	// Separators. Controls glue nothing and show nothing; turning them into a
	// space keeps word boundaries where the sender had one and never drops a
	// byte without trace. Tab and newline are kept as they are.
	{groupSpace, ' ', join(span(0x00, 0x08), []rune{0x0B, 0x0C, 0x0D}, span(0x0E, 0x1F), span(0x7F, 0x84), span(0x86, 0x9F),
		[]rune{0xA0, 0x1680}, span(0x2000, 0x200A), []rune{0x202F, 0x205F, 0x3000}), "controls and Unicode spaces separate words like a space"},
	{groupSpace, '\n', []rune{0x85, 0x2028, 0x2029}, "line and paragraph separators end a line"},

	// Invisible characters: they change no word a reader sees, and evaders put
	// them inside words to break matching.
	{groupInvisible, drop, join([]rune{0xAD, 0x034F, 0x061C, 0x180E}, span(0x200B, 0x200F), span(0x202A, 0x202E),
		span(0x2060, 0x2064), span(0x2066, 0x206F), span(0xFE00, 0xFE0F), []rune{0xFEFF}),
		"zero-width, bidi controls, BOM, soft hyphen and variation selectors are invisible"},

	// Diacritics: posts rarely carry them and, when they do, inconsistently.
	{groupDiacritics, drop, join(span(0x064B, 0x0652), span(0x0656, 0x065F), []rune{0x0670}, span(0x0610, 0x061A),
		span(0x06D6, 0x06ED), span(0x08D3, 0x08FF)), "tashkeel, dagger alef, Quranic and honorific marks are optional in written Arabic"},
	{groupTatweel, drop, []rune{0x0640}, "tatweel only stretches a word"},

	// Hamza: typed or omitted at whim (احمد/أحمد), so it carries no signal.
	{groupHamza, 'ا', []rune{'أ', 'إ', 'آ'}, "hamza and madda on alef are written or not at whim"},
	{groupHamza, 'و', []rune{'ؤ'}, "waw with hamza is often typed as waw"},
	{groupHamza, 'ي', []rune{'ئ'}, "yeh with hamza is often typed as yeh"},
	{groupHamza, drop, []rune{0x0653, 0x0654, 0x0655}, "combining madda and hamza (decomposed أ ؤ ئ) go with the hamza folds"},
	{groupAlef, 'ا', []rune{'ٱ', 0x0672, 0x0673, 0x0675}, "alef wasla and wavy-hamza alefs are alef"},
	{groupAlefMaksura, 'ي', []rune{'ى'}, "final ى and ي are interchanged in most dialects' typing"},
	{groupTehMarbuta, 'ه', []rune{'ة', 0x06C3}, "ة and final ه are interchanged in typing"},

	// Persian, Kurdish, Urdu and Maghrebi letters, each to the Arabic letter it
	// is written for or looks like, so ڤيزا matches فيزا and کاکا matches كاكا.
	{groupPersian, 'ي', []rune{0x06CC, 0x06D2, 0x06D3, 0x06CE, 0x06CD, 0x06D0, 0x0678}, "Persian, Urdu and Kurdish yeh forms are yeh"},
	{groupPersian, 'ك', []rune{0x06A9, 0x06AA, 0x06AF, 0x06AB, 0x06AD, 0x06B3}, "keheh, gaf and swash kaf are kaf (گروب/كروب)"},
	{groupPersian, 'ه', []rune{0x06C1, 0x06C0, 0x06C2, 0x06D5, 0x06BE}, "Persian, Urdu and Kurdish heh forms are heh"},
	{groupPersian, 'ف', []rune{0x06A4, 0x06A5, 0x06A2}, "veh is written for v in loanwords (ڤيزا = فيزا)"},
	{groupPersian, 'ق', []rune{0x06A8, 0x06A7}, "Maghrebi qaf forms are qaf"},
	{groupPersian, 'ب', []rune{0x067E, 0x067B, 0x0680}, "peh is written for p in loanwords (پولندا = بولندا)"},
	{groupPersian, 'ج', []rune{0x0686, 0x0687}, "tcheh is jeem with dots added"},
	{groupPersian, 'ز', []rune{0x0698}, "jeh is zain with dots added"},
	{groupPersian, 'ر', []rune{0x0695, 0x0691, 0x0692}, "Kurdish and Urdu reh forms are reh"},
	{groupPersian, 'ل', []rune{0x06B5, 0x06B6}, "Kurdish lam with small v is lam"},
	{groupPersian, 'و', []rune{0x06C6, 0x06C7, 0x06C8, 0x06CB, 0x06C9, 0x0676}, "Kurdish and Uyghur waw forms are waw"},
	{groupPersian, 'ت', []rune{0x0679, 0x067A, 0x067F}, "Urdu tteh forms are teh"},
	{groupPersian, 'د', []rune{0x0688, 0x068E}, "Urdu ddal forms are dal"},
	{groupPersian, 'ن', []rune{0x06BA, 0x06BB}, "noon ghunna is noon"},

	// Digits: one number in three scripts must read as one number.
	{groupDigits, '0', []rune{0x0660, 0x06F0, 0xFF10}, "Arabic-Indic, Extended and fullwidth zero"},
	{groupDigits, '1', []rune{0x0661, 0x06F1, 0xFF11}, "one"},
	{groupDigits, '2', []rune{0x0662, 0x06F2, 0xFF12}, "two"},
	{groupDigits, '3', []rune{0x0663, 0x06F3, 0xFF13}, "three"},
	{groupDigits, '4', []rune{0x0664, 0x06F4, 0xFF14}, "four"},
	{groupDigits, '5', []rune{0x0665, 0x06F5, 0xFF15}, "five"},
	{groupDigits, '6', []rune{0x0666, 0x06F6, 0xFF16}, "six"},
	{groupDigits, '7', []rune{0x0667, 0x06F7, 0xFF17}, "seven"},
	{groupDigits, '8', []rune{0x0668, 0x06F8, 0xFF18}, "eight"},
	{groupDigits, '9', []rune{0x0669, 0x06F9, 0xFF19}, "nine"},

	// Punctuation: the Arabic forms mean the same as the ASCII ones.
	{groupPunct, ',', []rune{'،', 0x066C}, "Arabic comma and thousands separator"},
	{groupPunct, ';', []rune{'؛'}, "Arabic semicolon"},
	{groupPunct, '?', []rune{'؟'}, "Arabic question mark"},
	{groupPunct, '.', []rune{0x066B, 0x06D4}, "Arabic decimal separator and Urdu full stop"},
	{groupPunct, '%', []rune{0x066A}, "Arabic percent sign"},
}

// Fullwidth ASCII (U+FF01–FF5E, less the digits above) is folded by
// arithmetic in foldWide rather than listed here; TestTableIsProjection
// covers it too.
