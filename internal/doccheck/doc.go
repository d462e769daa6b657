// Package doccheck holds no code, only a test that keeps the library's
// documentation complete: every package of the module (but commands and
// testdata) must have a package doc comment, and every exported identifier
// a testable Example, one with an // Output: comment that go test checks.
//
// The rule, identifier by identifier, as go/doc files Examples:
//
//   - a function, including a constructor shown under its type, needs
//     ExampleF;
//   - a type needs ExampleT;
//   - a method of an exported type, including one promoted from an
//     unexported embedded field, needs ExampleT_M;
//   - constants and variables declared with an exported type's name are
//     shown under that type and are covered by ExampleT; any other const or
//     var group is covered when one of its names is used in the body of
//     some Example of the package.
//
// Any of these names may carry a lower-case suffix (ExampleT_M_zero).
// An Example without an output comment is compiled but never run, so it
// does not count. The test reports every missing item with its file and
// line, so one run lists all the work there is.
package doccheck
