package bad

const Loose = 1 // no Example uses it

type T int // covered by ExampleT

func (T) M() {} // no ExampleT_M

// F has an Example without output, which does not count.
func F() {}

// G is covered by an Example with a suffix.
func G() {}

// Tight is shown under T and covered by ExampleT.
const Tight T = 2
