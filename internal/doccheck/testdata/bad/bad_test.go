package bad_test

import (
	"fmt"

	"example.com/bad"
)

func ExampleT() {
	fmt.Println(bad.T(1))
	// Output: 1
}

func ExampleF() {
	bad.F()
}

func ExampleG_twice() {
	bad.G()
	bad.G()
	// Output:
}
