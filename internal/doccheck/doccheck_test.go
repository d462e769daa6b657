package doccheck

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExamples checks every package of the module against the rule of the
// package comment.
func TestExamples(t *testing.T) {
	root, module := moduleRoot(t)
	dirs := packageDirs(t, root)
	if len(dirs) == 0 {
		t.Fatalf("no packages found under %s", root)
	}
	for _, dir := range dirs {
		rel, _ := filepath.Rel(root, dir)
		importPath := path.Join(module, filepath.ToSlash(rel))
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			problems, err := check(dir, importPath)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Error(relPos(root, p))
			}
		})
	}
}

// TestCheckFindsEveryProblem runs the checker on a package that breaks
// each part of the rule once, so a checker that passes everything fails
// here.
func TestCheckFindsEveryProblem(t *testing.T) {
	dir := filepath.Join("testdata", "bad")
	problems, err := check(dir, "example.com/bad")
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range problems {
		problems[i] = relPos(dir, p)
	}
	want := []string{
		"bad.go:1: package bad: no package doc comment beginning \"Package bad \"",
		"bad.go:3: const Loose: no Example uses it",
		"bad.go:7: method T.M: no ExampleT_M",
		"bad.go:10: func F: no ExampleF",
		"bad_test.go:14: ExampleF has no output comment, so go test never runs it",
	}
	if !slices.Equal(problems, want) {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(problems, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// check lists the problems of the package in dir, each as "file:line: what".
// It returns none for a command or a directory of tests only.
func check(dir, importPath string) ([]string, error) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files, tests []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(name, "_test.go") {
			tests = append(tests, f)
		} else {
			files = append(files, f)
		}
	}
	if len(files) == 0 || files[0].Name.Name == "main" {
		return nil, nil
	}
	p, err := doc.NewFromFiles(fset, append(files, tests...), importPath)
	if err != nil {
		return nil, err
	}

	var problems []string
	report := func(pos token.Pos, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s: %s", shortPos(fset.Position(pos)), fmt.Sprintf(format, args...)))
	}
	if !strings.HasPrefix(p.Doc, "Package "+p.Name+" ") {
		report(files[0].Package, "package %s: no package doc comment beginning %q", p.Name, "Package "+p.Name+" ")
	}

	// Examples without output are reported once, here, and then do not
	// count for the identifier they are named after.
	all := doc.Examples(tests...)
	for _, ex := range all {
		if !runs(ex) {
			report(ex.Code.Pos(), "Example%s has no output comment, so go test never runs it", exampleName(ex))
		}
	}
	funcs := func(fs []*doc.Func, what, recv string) {
		for _, f := range fs {
			name := f.Name
			if recv != "" {
				name = recv + "_" + f.Name
			}
			if !slices.ContainsFunc(f.Examples, runs) {
				label := f.Name
				if recv != "" {
					label = recv + "." + f.Name
				}
				report(f.Decl.Pos(), "%s %s: no Example%s", what, label, name)
			}
		}
	}
	funcs(p.Funcs, "func", "")
	for _, typ := range p.Types {
		if !slices.ContainsFunc(typ.Examples, runs) {
			report(typ.Decl.Pos(), "type %s: no Example%s", typ.Name, typ.Name)
		}
		funcs(typ.Funcs, "func", "")
		funcs(typ.Methods, "method", typ.Name)
	}

	used := usedNames(all)
	values := func(vs []*doc.Value, what string) {
		for _, v := range vs {
			if !slices.ContainsFunc(v.Names, func(n string) bool { return used[n] }) {
				report(v.Decl.Pos(), "%s %s: no Example uses it", what, strings.Join(v.Names, ", "))
			}
		}
	}
	values(p.Consts, "const")
	values(p.Vars, "var")

	slices.SortFunc(problems, comparePos)
	return problems, nil
}

// runs reports whether go test runs ex and compares its output.
func runs(ex *doc.Example) bool { return ex.Output != "" || ex.EmptyOutput }

func exampleName(ex *doc.Example) string {
	switch {
	case ex.Name == "":
		if ex.Suffix == "" {
			return ""
		}
		return "_" + ex.Suffix
	case ex.Suffix == "":
		return ex.Name
	default:
		return ex.Name + "_" + ex.Suffix
	}
}

// usedNames collects the identifiers the Examples' bodies name, alone (in
// an internal test package) or after a package name (pkg.Header).
func usedNames(examples []*doc.Example) map[string]bool {
	used := map[string]bool{}
	for _, ex := range examples {
		if !runs(ex) {
			continue
		}
		ast.Inspect(ex.Code, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if _, ok := n.X.(*ast.Ident); ok {
					used[n.Sel.Name] = true
				}
			case *ast.Ident:
				used[n.Name] = true
			}
			return true
		})
	}
	return used
}

// moduleRoot finds the directory of the go.mod above the test and the
// module's path.
func moduleRoot(t *testing.T) (dir, module string) {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			for line := range strings.Lines(string(b)) {
				if m, ok := strings.CutPrefix(line, "module "); ok {
					return dir, strings.Trim(strings.TrimSpace(m), `"`)
				}
			}
			t.Fatalf("%s/go.mod has no module line", dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

// packageDirs lists the directories of the module that may hold a package,
// skipping what the go command skips (testdata, names starting with . or _)
// and nested modules.
func packageDirs(t *testing.T, root string) []string {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		name := d.Name()
		if p != root {
			if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		dirs = append(dirs, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// shortPos writes a position as file:line, the file as given to the parser.
func shortPos(p token.Position) string { return fmt.Sprintf("%s:%d", p.Filename, p.Line) }

// relPos makes the file of a problem relative to root.
func relPos(root, problem string) string {
	file, rest, _ := strings.Cut(problem, ":")
	if rel, err := filepath.Rel(root, file); err == nil {
		file = filepath.ToSlash(rel)
	}
	return file + ":" + rest
}

// comparePos orders problems by file, then line, then text.
func comparePos(a, b string) int {
	fa, ra, _ := strings.Cut(a, ":")
	fb, rb, _ := strings.Cut(b, ":")
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	var la, lb int
	fmt.Sscanf(ra, "%d", &la)
	fmt.Sscanf(rb, "%d", &lb)
	if la != lb {
		return la - lb
	}
	return strings.Compare(a, b)
}
